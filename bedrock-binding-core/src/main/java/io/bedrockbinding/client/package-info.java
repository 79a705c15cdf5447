/**
 * How bedrock-binding builds AWS SDK clients: one
 * {@link io.bedrockbinding.client.ClientSettings} value applied to every client builder
 * (bedrock-runtime, the Bedrock control plane, STS), and
 * {@link io.bedrockbinding.client.RegionalClients}, a pool with one client per region,
 * created on first use and closed with the pool.
 */
@NullMarked
package io.bedrockbinding.client;

import org.jspecify.annotations.NullMarked;
