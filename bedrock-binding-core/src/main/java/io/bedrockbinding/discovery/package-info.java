/**
 * Asks the Bedrock control plane of a live account which models and inference profiles
 * exist, suggests bindings from them, and refreshes the model catalog.
 */
@NullMarked
package io.bedrockbinding.discovery;

import org.jspecify.annotations.NullMarked;
