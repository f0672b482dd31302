package org.kindred.bench;

/**
 * Who publishes message {@code i}. Groups of {@code burst} consecutive messages go to one room,
 * rooms in turn (group {@code k} to room {@code k % rooms}); inside a room, publishers rotate
 * over its members, one message each. So a burst is several messages to the same room within
 * moments, from different members, and every member of every room publishes in turn. With a
 * burst of 1 this is the smooth rotation: room {@code i % rooms}, member {@code (i / rooms) % size}.
 */
final class PublisherRotation {
    private final int rooms;
    private final int roomSize;
    private final int burst;

    PublisherRotation(int rooms, int roomSize, int burst) {
        if (rooms < 1 || roomSize < 1 || burst < 1) {
            throw new IllegalArgumentException("rooms " + rooms + " size " + roomSize + " burst " + burst);
        }
        this.rooms = rooms;
        this.roomSize = roomSize;
        this.burst = burst;
    }

    /** The room message {@code i} is published to. */
    int room(long i) {
        return (int) ((i / burst) % rooms);
    }

    /** The index of the member that publishes message {@code i} (member m is in room m / size). */
    int member(long i) {
        long group = i / burst;
        long turn = group / rooms * burst + i % burst; // how many this room has published before it
        return room(i) * roomSize + (int) (turn % roomSize);
    }
}
