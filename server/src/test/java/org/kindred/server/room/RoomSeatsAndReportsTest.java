package org.kindred.server.room;

import org.kindred.server.dispatch.RoomReplies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.SendStatus;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.Connection;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.testing.Harness;

/** Seats of dropped members count apart from the capacity; reports are checked on the room's thread. */
class RoomSeatsAndReportsTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private long now = 1_000_000;
    private final Room room = new Room(new RoomConfig("calm", "Calm", "t", "Be kind.", 2), Runnable::run, codec,
            metrics, new NickRules(n -> true), 3, 60_000, () -> now);
    private final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 10, s -> room.expire(s));

    private record Peer(EmbeddedChannel ch, Connection conn, Session session) {
    }

    private Peer peer() {
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = new Connection(ch, codec, metrics, null, new Connection.Limits(60, 20, 5), now);
        return new Peer(ch, c, sessions.create(c, Role.MEMBER, null, null, null, null, now).session());
    }

    private JsonNode join(Peer p, String nick) throws Exception {
        RoomReplies.join(room, p.session(), nick, p.conn(), "j");
        List<JsonNode> out = Harness.drain(p.ch());
        return out.get(0);
    }

    private void drop(Peer p) {
        sessions.detach(p.conn());
        room.detached(p.session());
    }

    @Test
    void droppedMembersDoNotCountAgainstCapacityAndTheLongestGoneLeavesFirst() throws Exception {
        Peer a = peer();
        Peer b = peer();
        assertEquals("joined", join(a, "Ann").path("type").asText());
        assertEquals("joined", join(b, "Bo").path("type").asText());
        assertEquals("room_full", join(peer(), "Cy").path("code").asText(), "two connected: full");
        drop(a);
        Peer c = peer();
        assertEquals("joined", join(c, "Cy").path("type").asText(), "Ann's dropped seat locks nobody out");
        drop(b);
        drop(c);
        Peer d = peer();
        assertEquals("joined", join(d, "Di").path("type").asText());
        assertEquals(3, room.memberCount(), "Ann, gone longest, left when a third dropped seat was needed");
        assertTrue(a.session().rooms().isEmpty());
        assertEquals(List.of("calm"), List.copyOf(b.session().rooms()));

        Connection back = new Connection(new EmbeddedChannel(), codec, metrics, null,
                new Connection.Limits(60, 20, 5), now);
        assertTrue(sessions.attach(b.session(), back, () -> { }));
        room.attached(b.session());
        assertEquals("room_full", join(peer(), "Ed").path("code").asText(), "Bo is back: two connected again");
    }

    @Test
    void reportsNeedMembershipAnExistingMessageOneEachAndAnAllowance() throws Exception {
        Peer a = peer();
        Peer b = peer();
        Peer outsider = peer();
        join(a, "Ann");
        join(b, "Bo");
        a.session().reportLimit(2, 0.001);
        String[] msgs = new String[3];
        for (int i = 0; i < 3; i++) {
            RoomReplies.post(room, b.session(), b.conn(), "s" + i, "hello " + i, SendStatus.DELIVERED, java.util.List.of());
            msgs[i] = Harness.drain(b.ch()).get(0).path("msg").asText();
        }
        assertEquals("not_in_room", room.queries().checkReport(outsider.session(), msgs[0], "r").get().error().code().wire());
        assertEquals("not_found", room.queries().checkReport(a.session(), "m_unknown", "r").get().error().code().wire());
        ReportCheck ok = room.queries().checkReport(a.session(), msgs[0], "r").get();
        assertNull(ok.error());
        assertEquals("hello 0", ok.message().text());
        assertEquals("bad_request", room.queries().checkReport(a.session(), msgs[0], "r").get().error().code().wire(),
                "once per member per message");
        assertNull(room.queries().checkReport(a.session(), msgs[1], "r").get().error());
        ReportCheck limited = room.queries().checkReport(a.session(), msgs[2], "r").get();
        assertEquals("rate_limited", limited.error().code().wire());
        assertTrue(limited.error().retryAfterMs() > 0);
        assertNull(room.queries().checkReport(b.session(), msgs[0], "r").get().error(), "another member may report it");
    }
}
