/**
 * Duplicate detection: files each post as the first of a new cluster, an exact copy or a near copy
 * of an earlier one, within a fixed memory. Entry point: {@link
 * dev.caveat.core.dedup.DuplicateDetector}.
 */
package dev.caveat.core.dedup;
