package io.bedrockbinding.autoconfigure;

import java.util.function.Supplier;

import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one STS client the account resolver asks, made on first need and closed with the
 * context (asking again after a failure reuses it). Only loaded when the STS module is on
 * the classpath.
 */
final class StsClientSupplier implements Supplier<StsClient>, AutoCloseable {

	private final RegionalClients<StsClient> clients;

	private final String region;

	StsClientSupplier(ClientSettings settings) {
		// Never the SDK region chain here: its last resort is the EC2 instance metadata
		// service, a network call; STS answers GetCallerIdentity globally.
		this.region = (settings.region() != null) ? settings.region() : Region.AWS_GLOBAL.id();
		this.clients = new RegionalClients<>(
				(region) -> settings.withRegion(region).applyTo(StsClient.builder()).build());
	}

	@Override
	public StsClient get() {
		return this.clients.get(this.region);
	}

	@Override
	public void close() {
		this.clients.close();
	}

}
