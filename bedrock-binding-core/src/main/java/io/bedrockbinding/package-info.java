/**
 * bedrock-binding core: binds Bedrock model IDs to the inference profile, ARN or direct
 * call each environment needs. No Spring here.
 */
@NullMarked
package io.bedrockbinding;

import org.jspecify.annotations.NullMarked;
