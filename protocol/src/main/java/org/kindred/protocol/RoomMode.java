package org.kindred.protocol;

/** A room's current modes, as sent in {@code joined}. */
public record RoomMode(long slowSeconds, boolean locked) {
}
