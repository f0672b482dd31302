package org.kindred.server.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;

/**
 * What every {@link History} guarantees. An implementation's test extends this and makes
 * histories keeping {@value #SIZE} messages for {@value #AGE_MS} ms.
 */
public abstract class HistoryContract {
    protected static final int SIZE = 3;
    protected static final long AGE_MS = 60_000;
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);

    /** A new, empty history of {@link #SIZE} messages at most, none older than {@link #AGE_MS}. */
    protected abstract History history();

    /** A history that keeps no message at all. */
    protected abstract History keepingNothing();

    protected static ServerMessage.Message msg(String room, int n, long ts) {
        return new ServerMessage.Message(room, "m_" + n, n, ANN, "text " + n, ts);
    }

    private static List<String> ids(List<ServerMessage.Message> ms) {
        return ms.stream().map(ServerMessage.Message::msg).toList();
    }

    @Test
    void keepsTheLastNOldestFirst() {
        History h = history();
        for (int i = 1; i <= 5; i++) {
            h.append("calm", msg("calm", i, 1000 + i));
        }
        assertEquals(List.of("m_3", "m_4", "m_5"), ids(h.recent("calm", 2000)));
        assertEquals(SIZE, h.size("calm"));
    }

    @Test
    void dropsMessagesPastTheMaximumAge() {
        History h = history();
        h.append("calm", msg("calm", 1, 1000));
        h.append("calm", msg("calm", 2, 5000));
        assertEquals(List.of("m_1", "m_2"), ids(h.recent("calm", 1000 + AGE_MS)));
        assertEquals(List.of("m_2"), ids(h.recent("calm", 1001 + AGE_MS)));
        assertTrue(h.find("calm", "m_1", 1001 + AGE_MS).isEmpty(), "an aged message is not found either");
    }

    @Test
    void findsAndRemovesById() {
        History h = history();
        h.append("calm", msg("calm", 1, 1000));
        h.append("calm", msg("calm", 2, 1000));
        assertEquals("text 1", h.find("calm", "m_1", 1000).orElseThrow().text());
        assertTrue(h.remove("calm", "m_1"));
        assertFalse(h.remove("calm", "m_1"), "removed once");
        assertTrue(h.find("calm", "m_1", 1000).isEmpty());
        assertEquals(List.of("m_2"), ids(h.recent("calm", 1000)));
    }

    @Test
    void roomsAreIndependentAndClearForgetsOne() {
        History h = history();
        h.append("calm", msg("calm", 1, 1000));
        h.append("grief", msg("grief", 1, 1000));
        assertTrue(h.find("grief", "m_1", 1000).isPresent());
        h.clear("calm");
        assertEquals(List.of(), h.recent("calm", 1000));
        assertEquals(0, h.size("calm"));
        assertEquals(List.of("m_1"), ids(h.recent("grief", 1000)));
        assertEquals(List.of(), h.recent("nowhere", 1000), "an unknown room has no history");
    }

    @Test
    void aHistoryOfSizeZeroKeepsNothing() {
        History h = keepingNothing();
        h.append("calm", msg("calm", 1, 1000));
        assertEquals(List.of(), h.recent("calm", 1000));
    }
}
