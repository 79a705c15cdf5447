/**
 * Micrometer observations of pipe calls and token counters.
 */
@NullMarked
package io.bedrockbinding.actuate.observation;

import org.jspecify.annotations.NullMarked;
