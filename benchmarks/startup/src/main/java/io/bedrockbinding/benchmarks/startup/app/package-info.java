/**
 * The application the start-up harnesses run as a separate process.
 */
package io.bedrockbinding.benchmarks.startup.app;
