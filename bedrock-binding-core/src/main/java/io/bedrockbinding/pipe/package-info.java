/**
 * {@link io.bedrockbinding.pipe.BedrockPipe}: a thread-safe Converse client for one model
 * that resolves its binding on every call and sends the call to the region the target
 * names. Its settings are one {@link io.bedrockbinding.pipe.PipeOptions} value of the AWS
 * SDK's own Converse types (messages, content blocks, tools, guardrails, output formats);
 * Java tools ({@link io.bedrockbinding.pipe.PipeTool}) run in a tool loop.
 */
@NullMarked
package io.bedrockbinding.pipe;

import org.jspecify.annotations.NullMarked;
