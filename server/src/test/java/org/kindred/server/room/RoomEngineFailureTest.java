package org.kindred.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.BrokerException;
import org.kindred.server.broker.MemoryBroker;
import org.kindred.server.broker.MemoryHistory;
import org.kindred.server.broker.MemoryPresence;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.dispatch.RoomReplies;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.testing.Harness;
import org.kindred.server.transport.Connection;

/**
 * When the engines behind a room fail (Redis unreachable), the member gets {@code internal} at
 * once, nobody gets half a message, and nothing is left claimed.
 */
class RoomEngineFailureTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private final MemoryHistory history = new MemoryHistory(10, 60_000);
    private final AtomicBoolean down = new AtomicBoolean();
    private int peers;

    /** A memory broker whose publications fail while {@link #down} is set. */
    private final class FlakyBroker implements Broker {
        final MemoryBroker inner = new MemoryBroker(history);

        @Override
        public void subscribe(String room, Subscriber subscriber) {
            inner.subscribe(room, subscriber);
        }

        @Override
        public void unsubscribe(String room) {
            inner.unsubscribe(room);
        }

        @Override
        public CompletionStage<Posted> post(String room, MemberInfo from, String msgId, String text, long ts,
                String requestKey, Admission admission, Consumer<ServerMessage.Message> accepted) {
            if (down.get()) {
                return CompletableFuture.failedFuture(new BrokerException("down", null));
            }
            return inner.post(room, from, msgId, text, ts, requestKey, admission, accepted);
        }

        @Override
        public org.kindred.server.broker.Restrictions restrictions() {
            return inner.restrictions();
        }

        @Override
        public CompletionStage<java.util.Optional<String>> earlier(String room, String requestKey, String text,
                long now) {
            return inner.earlier(room, requestKey, text, now);
        }

        @Override
        public void broadcast(String room, ServerMessage event, String exceptMember) {
            inner.broadcast(room, event, exceptMember);
        }

        @Override
        public void close(String room) {
            inner.close(room);
        }
    }

    /** Presence whose adds fail while {@link #down} is set (after the nickname was claimed). */
    private final class FlakyPresence extends DelegatingPresence {
        FlakyPresence() {
            super(new MemoryPresence());
        }

        @Override
        public int add(String room, MemberInfo member) {
            if (down.get()) {
                throw new IllegalStateException("redis is unreachable");
            }
            return super.add(room, member);
        }
    }

    private final FlakyPresence presence = new FlakyPresence();
    private final Room room = new Room(new RoomConfig("calm", "Calm", "t", "Be kind.", 10), Runnable::run,
            new RoomParts(new FlakyBroker(), presence, history, new LocalHub(codec, metrics),
                    new NickRules(n -> true), metrics, () -> 1_000_000L));

    private record Peer(EmbeddedChannel ch, Connection conn, Session session) {
    }

    private Peer peer() {
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = new Connection(ch, codec, metrics, null, new Connection.Limits(60, 20, 5), 0);
        Session s = new Session("u_" + (++peers), "h", Role.MEMBER, null, null, null, null, 0, 10, c);
        c.attach(s);
        return new Peer(ch, c, s);
    }

    @Test
    void aPublishThatFailsRepliesInternalAndDeliversNothing() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RoomReplies.join(room, a.session(), "Ann", a.conn(), "1");
        RoomReplies.join(room, b.session(), "Bo", b.conn(), "2");
        Harness.drain(a.ch());
        Harness.drain(b.ch());
        down.set(true);
        RoomReplies.post(room, a.session(), a.conn(), "s1", "hello", SendStatus.DELIVERED, List.of());
        List<JsonNode> toA = Harness.drain(a.ch());
        assertEquals(1, toA.size(), "one reply: " + toA);
        assertEquals("error", toA.get(0).path("type").asText());
        assertEquals("internal", toA.get(0).path("code").asText());
        assertEquals("s1", toA.get(0).path("id").asText());
        assertEquals(List.of(), Harness.drain(b.ch()), "nobody gets it");
        assertEquals(0, history.size("calm"), "nothing kept");
        down.set(false);
        RoomReplies.post(room, a.session(), a.conn(), "s2", "again", SendStatus.DELIVERED, List.of());
        JsonNode delivered = Harness.drain(b.ch()).get(0);
        assertEquals(1, delivered.path("seq").asLong(), "the failed publish used no number");
    }

    @Test
    void aJoinThatFailsHalfWayRepliesInternalAndReleasesTheNickname() throws Exception {
        Peer a = peer();
        Peer b = peer();
        down.set(true);
        RoomReplies.join(room, a.session(), "Ann", a.conn(), "1");
        List<JsonNode> toA = Harness.drain(a.ch());
        assertEquals("internal", toA.get(0).path("code").asText(), "told at once: " + toA);
        assertTrue(a.session().nickIn("calm") == null, "not seated");
        down.set(false);
        RoomReplies.join(room, b.session(), "Ann", b.conn(), "2");
        assertEquals("joined", Harness.drain(b.ch()).get(0).path("type").asText(), "the claim was released");
    }

    /** Passes every call to another presence. */
    private static class DelegatingPresence implements org.kindred.server.broker.Presence {
        private final org.kindred.server.broker.Presence inner;

        DelegatingPresence(org.kindred.server.broker.Presence inner) {
            this.inner = inner;
        }

        @Override
        public int add(String room, MemberInfo member) {
            return inner.add(room, member);
        }

        @Override
        public java.util.Optional<MemberInfo> remove(String room, String memberId) {
            return inner.remove(room, memberId);
        }

        @Override
        public java.util.Optional<MemberInfo> get(String room, String memberId) {
            return inner.get(room, memberId);
        }

        @Override
        public List<MemberInfo> members(String room) {
            return inner.members(room);
        }

        @Override
        public int count(String room) {
            return inner.count(room);
        }

        @Override
        public boolean claimNick(String room, String memberId, Collection<String> keys) {
            return inner.claimNick(room, memberId, keys);
        }

        @Override
        public void releaseNick(String room, String memberId) {
            inner.releaseNick(room, memberId);
        }

        @Override
        public void clear(String room) {
            inner.clear(room);
        }

        @Override
        public void away(String room, String memberId, boolean away) {
            inner.away(room, memberId, away);
        }

        @Override
        public int seated(String room) {
            return inner.seated(room);
        }

        @Override
        public List<MemberInfo> trimAway(String room, int keep) {
            return inner.trimAway(room, keep);
        }
    }
}
