package org.kindred.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A held message's decision names its room, writer and message, and nothing else reads as one. */
class StaffChangeTest {
    @Test
    void aHeldDecisionNeedsItsRoomWriterAndMessage() {
        StaffChange c = StaffChange.held("general", "u_1", "m_1", "node_a");
        assertEquals("m_1", c.heldMsg());
        assertThrows(IllegalArgumentException.class, () -> StaffChange.held(null, "u_1", "m_1", "node_a"));
        assertThrows(IllegalArgumentException.class, () -> StaffChange.held("general", null, "m_1", "node_a"));
        assertThrows(IllegalArgumentException.class, () -> StaffChange.held("general", "u_1", null, "node_a"));
    }

    @Test
    void onlyAHeldDecisionHasAHeldMessage() {
        assertNull(StaffChange.ban("ban_1", "u_1", "node_a").heldMsg());
        assertNull(StaffChange.unban("ban_1", "node_a").heldMsg());
    }
}
