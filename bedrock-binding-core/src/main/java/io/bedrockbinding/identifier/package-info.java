/**
 * What a model is bound to: the direct model ID, a system-defined cross-region profile,
 * or one of the Bedrock ARNs, parsed and validated once.
 */
@NullMarked
package io.bedrockbinding.identifier;

import org.jspecify.annotations.NullMarked;
