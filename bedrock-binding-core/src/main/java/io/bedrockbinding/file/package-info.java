/**
 * {@code inference.txt}: reading with line-numbered problems, in-place atomic writes
 * under a file lock, the default file, and a watcher that reloads it; and
 * {@link io.bedrockbinding.file.FileReplacer#replace}, the same atomic write for a whole
 * file of another kind (a model catalog).
 */
@NullMarked
package io.bedrockbinding.file;

import org.jspecify.annotations.NullMarked;
