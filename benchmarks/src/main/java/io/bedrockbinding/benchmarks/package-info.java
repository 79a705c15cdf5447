/**
 * JMH benchmarks of bedrock-binding. Every figure has a baseline measured in the same
 * run: {@code HashMap.get} for the registry, {@code Files.readAllLines} and a split for
 * the inference file, the raw AWS SDK client on the same emulator and client for the
 * pipe.
 */
package io.bedrockbinding.benchmarks;
