/**
 * Auto-configuration of the {@code bedrockBindings} health contributor.
 */
@NullMarked
package io.bedrockbinding.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
