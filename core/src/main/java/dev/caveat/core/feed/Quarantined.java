package dev.caveat.core.feed;

/**
 * An item that could not be turned into a post while the rest of its document could.
 *
 * @param index the item's position in the document, counting from 0
 * @param externalId the item's id if one could be told, else null
 * @param reason why the item was set aside, in words a user can act on
 */
public record Quarantined(int index, String externalId, String reason) {}
