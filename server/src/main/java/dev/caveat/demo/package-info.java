/**
 * Demo: a sample company, its people and monitors, and a replay of sample posts, for a first run.
 */
package dev.caveat.demo;
