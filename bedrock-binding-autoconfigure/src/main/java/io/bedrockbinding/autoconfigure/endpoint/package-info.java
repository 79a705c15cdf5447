/**
 * Auto-configuration of the {@code bedrockbindings} actuator endpoint.
 */
@NullMarked
package io.bedrockbinding.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
