/**
 * {@code inference.txt}: reading with line-numbered problems, in-place atomic writes
 * under a file lock, the default file, and a watcher that reloads it.
 */
@NullMarked
package io.bedrockbinding.file;

import org.jspecify.annotations.NullMarked;
