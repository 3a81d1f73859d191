/**
 * Listening: posts, monitors, matching and mentions. Posts come in through {@link
 * dev.caveat.listening.PostIntake}; a post that matches a company's monitor becomes a mention.
 */
package dev.caveat.listening;
