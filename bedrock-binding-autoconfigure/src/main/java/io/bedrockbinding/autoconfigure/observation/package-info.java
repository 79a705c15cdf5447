/**
 * Auto-configuration of the observations and token counters of pipe calls.
 */
@NullMarked
package io.bedrockbinding.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
