/**
 * Process harnesses for what JMH cannot time: an application's start with and without the
 * auto-configuration, the cold first call, and the command-line tool's start. Each
 * alternates the two sides of a pair so that the load of the machine hits both.
 */
package io.bedrockbinding.benchmarks.startup;
