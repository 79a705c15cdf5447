/**
 * {@code inference-config}: the command-line tool that lists, searches, binds, validates
 * and discovers Bedrock model bindings in an {@code inference.txt}.
 */
@NullMarked
package io.bedrockbinding.cli;

import org.jspecify.annotations.NullMarked;
