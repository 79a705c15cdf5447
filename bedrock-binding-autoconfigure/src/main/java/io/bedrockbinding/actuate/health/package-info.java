/**
 * The {@code bedrockBindings} health contributor.
 */
@NullMarked
package io.bedrockbinding.actuate.health;

import org.jspecify.annotations.NullMarked;
