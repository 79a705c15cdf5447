/**
 * The built-in list of Bedrock models and the cross-region geographies, loaded once from
 * {@code catalog.json} beside these classes.
 */
@NullMarked
package io.bedrockbinding.catalog;

import org.jspecify.annotations.NullMarked;
