/**
 * {@link io.bedrockbinding.pipe.BedrockPipe}: a small thread-safe client for one model
 * that resolves its binding on every call and sends the call to the region the target
 * names, over the Converse API.
 */
@NullMarked
package io.bedrockbinding.pipe;

import org.jspecify.annotations.NullMarked;
