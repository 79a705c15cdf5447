/**
 * Spring AI's embedding model on bedrock-binding's embeddings.
 */
@NullMarked
package io.bedrockbinding.ai.embedding;

import org.jspecify.annotations.NullMarked;
