/**
 * Auto-configuration of bedrock-binding: properties, the registry, the pipe factory, the
 * SDK clients, start-up validation and its failure analyzer.
 */
@NullMarked
package io.bedrockbinding.autoconfigure;

import org.jspecify.annotations.NullMarked;
