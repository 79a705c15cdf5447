/**
 * The AWS account ID that fills {@code {account}} in targets: configured, or asked of STS
 * once, lazily.
 */
@NullMarked
package io.bedrockbinding.account;

import org.jspecify.annotations.NullMarked;
