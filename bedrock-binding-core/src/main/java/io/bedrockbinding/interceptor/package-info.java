/**
 * {@link io.bedrockbinding.interceptor.BindingInterceptor}: an AWS SDK execution
 * interceptor that applies the binding to every bedrock-runtime request of a client the
 * application builds itself (or a framework such as LangChain4j uses).
 */
@NullMarked
package io.bedrockbinding.interceptor;

import org.jspecify.annotations.NullMarked;
