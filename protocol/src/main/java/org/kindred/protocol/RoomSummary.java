package org.kindred.protocol;

/** One room in the {@code rooms} reply and in {@code GET /api/rooms}. */
public record RoomSummary(String room, String title, String topic, int members, int capacity, boolean locked) {
}
