/**
 * Reads microformats2 blog pages (h-feed of h-entry, or a single h-entry) into {@link
 * dev.caveat.core.post.Post}s, and the page's rel links for Webmention and WebSub discovery. Start
 * at {@link dev.caveat.core.mf2.Mf2Parser}.
 */
package dev.caveat.core.mf2;
