/**
 * Reads RSS 0.9x, RSS 1.0, RSS 2.0 and Atom 1.0 feeds into {@link dev.caveat.core.post.Post}s,
 * safely on hostile input: no DTDs, no entities, and caps on size, depth, items and fields. Start
 * at {@link dev.caveat.core.feed.FeedParser}.
 */
package dev.caveat.core.feed;
