/**
 * Runs an in-process LocalBedrock and points the auto-configured clients at it
 * ({@code bedrock.binding.local-bedrock.enabled=true}).
 */
@NullMarked
package io.bedrockbinding.autoconfigure.local;

import org.jspecify.annotations.NullMarked;
