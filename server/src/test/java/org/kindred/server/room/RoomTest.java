package org.kindred.server.room;

import org.kindred.server.dispatch.RoomReplies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.SendStatus;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.Connection;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.testing.Harness;
import org.junit.jupiter.api.Test;

class RoomTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private long now = 1_000_000;
    private int peers;
    private final Room room = new Room(new RoomConfig("calm", "Calm", "t", "Be kind.", 2), Runnable::run, codec,
            metrics, new NickRules(n -> !n.contains("bad")), 3, 60_000, () -> now);

    private record Peer(EmbeddedChannel ch, Connection conn, Session session) {
    }

    private Peer peer(Role role) {
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = new Connection(ch, codec, metrics, null, new Connection.Limits(60, 20, 5), now);
        Session s = new Session("u_" + (++peers), "h", role, null, null, null, null, now, 10, c);
        c.attach(s);
        return new Peer(ch, c, s);
    }

    @Test
    void aMessageIsEncodedOnceAndTheBufferSharedByAllRecipients() throws Exception {
        Peer a = peer(Role.MEMBER);
        Peer b = peer(Role.MEMBER);
        RoomReplies.join(room, a.session(), "Ann", a.conn(), "1");
        RoomReplies.join(room, b.session(), "Bo", b.conn(), "2");
        Harness.drain(a.ch());
        Harness.drain(b.ch());
        RoomReplies.post(room, a.session(), a.conn(), "s", "hello", SendStatus.DELIVERED, java.util.List.of());
        TextWebSocketFrame sent = a.ch().readOutbound();
        assertTrue(sent.text().contains("\"sent\""));
        sent.release();
        io.netty.buffer.ByteBuf fa = a.ch().readOutbound();
        io.netty.buffer.ByteBuf fb = b.ch().readOutbound();
        assertEquals(Harness.payloadOf(fa), Harness.payloadOf(fb));
        assertTrue(Harness.payloadOf(fa).contains("\"text\":\"hello\""));
        assertSame(Harness.frameOf(fa), Harness.frameOf(fb), "one encoded frame shared");
        io.netty.buffer.ByteBuf shared = Harness.frameOf(fa);
        fa.release();
        fb.release();
        assertEquals(0, shared.refCnt(), "and released once everyone has it");
    }

    @Test
    void capacityAndNickRulesAreEnforced() throws Exception {
        Peer a = peer(Role.MEMBER);
        Peer b = peer(Role.MEMBER);
        Peer c = peer(Role.MEMBER);
        Peer mod = peer(Role.MODERATOR);
        RoomReplies.join(room, a.session(), "bad nick", a.conn(), "1");
        assertEquals("nick_invalid", Harness.drain(a.ch()).get(0).path("code").asText());
        RoomReplies.join(room, a.session(), "Ann", a.conn(), "1");
        RoomReplies.join(room, b.session(), "Bo", b.conn(), "2");
        RoomReplies.join(room, c.session(), "Cy", c.conn(), "3");
        assertEquals("room_full", Harness.drain(c.ch()).get(0).path("code").asText());
        RoomReplies.join(room, mod.session(), null, mod.conn(), "4");
        assertEquals("joined", Harness.drain(mod.ch()).get(0).path("type").asText(), "moderators may always enter");
        assertEquals(3, room.summary().members());
    }

    @Test
    void historyKeepsTheLastMessagesAndDropsOldOnes() throws Exception {
        Peer a = peer(Role.MEMBER);
        RoomReplies.join(room, a.session(), "Ann", a.conn(), "1");
        for (int i = 0; i < 5; i++) {
            RoomReplies.post(room, a.session(), a.conn(), "s", "m" + i, SendStatus.DELIVERED, java.util.List.of());
            now += 10_000;
        }
        Peer b = peer(Role.MEMBER);
        RoomReplies.join(room, b.session(), "Bo", b.conn(), "2");
        JsonNode joined = Harness.drain(b.ch()).get(0);
        assertEquals(3, joined.path("history").size());
        assertEquals("m2", joined.path("history").get(0).path("text").asText());
        RoomReplies.leave(room, b.session(), b.conn(), "l");
        now += 45_000;
        RoomReplies.join(room, b.session(), "Bo", b.conn(), "3");
        List<JsonNode> out = Harness.drain(b.ch());
        JsonNode again = out.get(out.size() - 1);
        assertEquals(1, again.path("history").size(), "older than a minute are gone: " + again);
    }

    @Test
    void detachedMembersGetWhatTheyMissedOnResume() throws Exception {
        Peer a = peer(Role.MEMBER);
        Peer b = peer(Role.MEMBER);
        RoomReplies.join(room, a.session(), "Ann", a.conn(), "1");
        RoomReplies.join(room, b.session(), "Bo", b.conn(), "2");
        Harness.drain(b.ch());
        b.session().deliver(new org.kindred.protocol.ServerMessage.Deleted("calm", "x"));
        Harness.drain(b.ch());
        java.lang.reflect.Method detach = Session.class.getDeclaredMethod("detach", Connection.class);
        detach.setAccessible(true);
        detach.invoke(b.session(), b.conn());
        RoomReplies.post(room, a.session(), a.conn(), "s", "while away", SendStatus.DELIVERED, java.util.List.of());
        assertTrue(Harness.drain(b.ch()).isEmpty());
        EmbeddedChannel ch2 = new EmbeddedChannel();
        Connection c2 = new Connection(ch2, codec, metrics, null, new Connection.Limits(60, 20, 5), now);
        java.lang.reflect.Method attach = Session.class.getDeclaredMethod("attach", Connection.class);
        attach.setAccessible(true);
        attach.invoke(b.session(), c2);
        List<JsonNode> replay = Harness.drain(ch2);
        assertEquals(1, replay.size());
        assertEquals("while away", replay.get(0).path("text").asText());
    }
}
