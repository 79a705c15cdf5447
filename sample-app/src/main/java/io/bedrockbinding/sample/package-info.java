/**
 * The bedrock-binding sample application: a chat API on the pipe, with every error
 * answered as an RFC 9457 problem.
 */
@NullMarked
package io.bedrockbinding.sample;

import org.jspecify.annotations.NullMarked;
