package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import io.bedrockbinding.discovery.ProfileDiscovery;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * Profile discovery and the Bedrock control-plane clients it uses, one per region, closed
 * with the application context. Only created when the control-plane module
 * ({@code software.amazon.awssdk:bedrock}) is on the classpath and discovery is enabled.
 * Define a bean of this type to replace it.
 */
public class ProfileDiscoveryClients implements AutoCloseable {

	private final RegionalClients<BedrockClient> clients;

	private final ProfileDiscovery discovery;

	/**
	 * Discovery over clients built with {@code settings}.
	 * @param catalog the catalog whose geographies rank the profiles of a region
	 * @param settings the endpoint, credentials and region of the control-plane clients
	 */
	public ProfileDiscoveryClients(ModelCatalog catalog, ClientSettings settings) {
		this.clients = ProfileDiscovery.controlPlaneClients(settings);
		this.discovery = new ProfileDiscovery(this.clients, catalog);
	}

	/**
	 * The discovery.
	 * @return the profile discovery over these clients
	 */
	public ProfileDiscovery discovery() {
		return this.discovery;
	}

	@Override
	public void close() {
		this.clients.close();
	}

}
