/**
 * {@link io.bedrockbinding.emulator.LocalBedrock}: an in-process Bedrock on loopback that
 * the real AWS SDK clients talk to through {@code endpointOverride}. It serves
 * bedrock-runtime (Converse, ConverseStream, InvokeModel), the bedrock control plane
 * (foundation models and inference profiles) and STS GetCallerIdentity, driven by a
 * {@link io.bedrockbinding.catalog.ModelCatalog}, with a request journal, fault
 * injection, {@link io.bedrockbinding.emulator.LocalBedrockClients SDK clients} wired to
 * it and a {@link io.bedrockbinding.emulator.LocalBedrockExtension JUnit 5 extension}.
 */
@NullMarked
package io.bedrockbinding.emulator;

import org.jspecify.annotations.NullMarked;
