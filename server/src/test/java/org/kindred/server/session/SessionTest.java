package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.testing.Harness;
import org.kindred.server.transport.Connection;

/** Events for a detached member are kept (up to the limit, oldest dropped) and replayed in order. */
class SessionTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();

    private Connection connection(EmbeddedChannel ch) {
        return new Connection(ch, codec, metrics, null, new Connection.Limits(60, 20, 5), 0);
    }

    private static ServerMessage notice(int i) {
        return new ServerMessage.Notice("calm", "warned", "n" + i);
    }

    @Test
    void eventsMissedWhileDetachedAreReplayedInOrderUpToTheLimit() throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Connection c1 = connection(first);
        Session s = new Session("u_1", "h", Role.MEMBER, null, null, null, null, 0, 3, c1);
        assertTrue(s.detach(c1));
        for (int i = 1; i <= 5; i++) {
            s.deliver(notice(i));
        }
        EmbeddedChannel second = new EmbeddedChannel();
        s.attach(connection(second));
        List<JsonNode> got = Harness.drain(second);
        assertEquals(List.of("n3", "n4", "n5"), got.stream().map(n -> n.path("text").asText()).toList());

        s.deliver(notice(6));
        assertEquals("n6", Harness.drain(second).get(0).path("text").asText(), "attached again: sent at once");
    }

    @Test
    void aSessionThatNeverMissedAnythingReplaysNothing() throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Connection c1 = connection(first);
        Session s = new Session("u_2", "h", Role.MEMBER, null, null, null, null, 0, 3, c1);
        s.detach(c1);
        EmbeddedChannel second = new EmbeddedChannel();
        s.attach(connection(second));
        assertTrue(Harness.drain(second).isEmpty());
    }

    @Test
    void anExpiredSessionKeepsNothing() throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Connection c1 = connection(first);
        Session s = new Session("u_3", "h", Role.MEMBER, null, null, null, null, 0, 3, c1);
        s.detach(c1);
        s.deliver(notice(1));
        assertTrue(s.markExpired(true));
        s.deliver(notice(2));
        EmbeddedChannel second = new EmbeddedChannel();
        s.attach(connection(second));
        assertTrue(Harness.drain(second).isEmpty());
    }
}
