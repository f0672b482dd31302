package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.PresenceEvent;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;

/** Events another node kept for a session go in where they happened among the messages replayed here. */
class MissedEventsTest {
    private static final MemberInfo ANN = new MemberInfo("u_a", "Ann", Role.MEMBER);

    private static ServerMessage.Message msg(String room, long seq) {
        return new ServerMessage.Message(room, "m" + seq, seq, ANN, "text", 0);
    }

    private static ServerMessage.Notice notice(String room, String code) {
        return new ServerMessage.Notice(room, code, "x");
    }

    @Test
    void eachKeptEventFollowsTheMessagesOfItsRoomItCameAfter() {
        MissedEvents m = new MissedEvents(50);
        for (ServerMessage e : List.of(msg("a", 5), msg("a", 6), msg("b", 2), msg("a", 7))) {
            m.add(e);
        }
        ServerMessage.Presence join = new ServerMessage.Presence("a", PresenceEvent.JOIN, ANN, 3);
        m.merge(List.of(new KeptEvent("a", 5, join), new KeptEvent("b", 2, notice("b", "locked")),
                new KeptEvent(null, 0, notice(null, "general")), new KeptEvent("a", 4, notice("a", "first"))), false);
        assertEquals(List.of(msg("a", 5), join, msg("a", 6), msg("b", 2), notice("b", "locked"),
                notice(null, "general"), notice("a", "first"), msg("a", 7)), m.drain(),
                "in the kept order, never before an earlier kept one");
    }

    @Test
    void aLateEventThisCopyHadAlreadyIsNotAddedTwice() {
        MissedEvents m = new MissedEvents(50);
        m.add(msg("a", 1));
        m.add(notice("a", "slow_mode"));
        m.merge(List.of(new KeptEvent("a", 1, notice("a", "slow_mode")), new KeptEvent("a", 1, notice("a", "locked"))),
                true);
        assertEquals(List.of(msg("a", 1), notice("a", "locked"), notice("a", "slow_mode")), m.drain());
    }
}
