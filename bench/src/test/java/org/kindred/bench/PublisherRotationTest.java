package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublisherRotationTest {
    @Test
    void aBurstOfOneRotatesRoomsThenMembersAsBefore() {
        PublisherRotation r = new PublisherRotation(10, 100, 1);
        for (long i = 0; i < 5000; i++) {
            assertEquals((int) (i % 10), r.room(i));
            assertEquals((int) (i % 10) * 100 + (int) ((i / 10) % 100), r.member(i));
        }
    }

    @Test
    void aBurstGoesToOneRoomFromDifferentMembers() {
        PublisherRotation r = new PublisherRotation(10, 100, 10);
        for (int group = 0; group < 30; group++) {
            int room = group % 10;
            Set<Integer> publishers = new HashSet<>();
            for (int j = 0; j < 10; j++) {
                long i = group * 10L + j;
                assertEquals(room, r.room(i));
                assertEquals(room, r.member(i) / 100, "the publisher is a member of the room");
                publishers.add(r.member(i));
            }
            assertEquals(10, publishers.size(), "group " + group);
        }
        assertEquals(0, r.member(0));
        assertEquals(100, r.member(10));
        assertEquals(10, r.member(100), "room 0's second burst moves on to its next members");
    }

    @Test
    void everyMemberPublishesEquallyOftenWithAnyBurstSize() {
        int rooms = 3;
        int size = 7;
        int burst = 5;
        PublisherRotation r = new PublisherRotation(rooms, size, burst);
        int[] count = new int[rooms * size];
        int[] perRoom = new int[rooms];
        for (long i = 0; i < (long) rooms * size * burst * 4; i++) {
            count[r.member(i)]++;
            perRoom[r.room(i)]++;
        }
        for (int c : count) {
            assertEquals(burst * 4, c);
        }
        for (int c : perRoom) {
            assertEquals(size * burst * 4, c);
        }
    }

    @Test
    void rejectsEmptyBursts() {
        assertThrows(IllegalArgumentException.class, () -> new PublisherRotation(1, 1, 0));
    }
}
