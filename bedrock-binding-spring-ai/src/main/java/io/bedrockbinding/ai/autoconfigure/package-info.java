/**
 * Auto-configuration of bedrock-binding's Spring AI models.
 */
@NullMarked
package io.bedrockbinding.ai.autoconfigure;

import org.jspecify.annotations.NullMarked;
