/**
 * Spring AI's chat model on bedrock-binding's pipe.
 */
@NullMarked
package io.bedrockbinding.ai.chat;

import org.jspecify.annotations.NullMarked;
