/**
 * The merged view of every binding: layers by precedence, each binding with its origin
 * and what it shadows, lock-free reads, runtime binds, validation.
 */
@NullMarked
package io.bedrockbinding.registry;

import org.jspecify.annotations.NullMarked;
