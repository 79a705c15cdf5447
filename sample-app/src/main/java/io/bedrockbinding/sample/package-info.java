/**
 * The sample application: a chat API and the actuator endpoint on the bedrock-binding
 * starter.
 */
@NullMarked
package io.bedrockbinding.sample;

import org.jspecify.annotations.NullMarked;
