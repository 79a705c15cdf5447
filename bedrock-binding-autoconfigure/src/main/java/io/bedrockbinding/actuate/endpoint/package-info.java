/**
 * The {@code bedrockbindings} actuator endpoint: the bindings in force, where each came
 * from and what is wrong with it; runtime binds when write access is granted.
 */
@NullMarked
package io.bedrockbinding.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
