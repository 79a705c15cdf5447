/**
 * Auto-configuration of the application's own bedrock-runtime client beans, with the
 * binding applied to every request by the
 * {@link io.bedrockbinding.interceptor.BindingInterceptor}.
 */
@NullMarked
package io.bedrockbinding.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
