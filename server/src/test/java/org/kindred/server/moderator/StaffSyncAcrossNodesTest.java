package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisURI;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.dispatch.RoomReplies;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.RedisClusterEvents;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Ban;
import org.kindred.server.store.Mute;
import org.kindred.server.store.NewBan;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.testing.Harness;
import org.kindred.server.testing.RedisServer;

/**
 * Two nodes sharing one store and one Redis: a ban made on node A closes the member's connection
 * on node B within a second and holds there (member and network fingerprint); a lifted ban is
 * lifted on B; a mute made on A pauses the member in B's room and tells them, and so does the
 * lift.
 */
class StaffSyncAcrossNodesTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.shared();
    private final String channel = "kindred:test-staff-sync-" + System.nanoTime();
    private final List<Node> nodes = new ArrayList<>();
    private final long now = System.currentTimeMillis();

    @TempDir
    Path dir;

    private final class Node implements AutoCloseable {
        final Store store = SqliteStore.open(dir.resolve("data"), StoreConfig.defaults());
        final ClusterEvents events = RedisClusterEvents.connect(RedisURI.create(RedisServer.shared().uri()), channel,
                Duration.ofSeconds(2));
        final ExecutorService blocking = Executors.newFixedThreadPool(2);
        final Room room = new Room(new RoomConfig("calm", "Calm", "t", "Be kind.", 10), Runnable::run, CODEC,
                new Metrics(), new NickRules(n -> true), 50, 60_000, System::currentTimeMillis);
        final RoomRegistry rooms = new RoomRegistry(List.of(room.config()), rc -> room);
        final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 10, s -> room.expire(s));
        final BanList bans = new BanList(store.bans(), System::currentTimeMillis, events);
        final Mutes mutes = new Mutes(store.mutes(), events);
        final StaffSync sync = new StaffSync(events, bans, store.mutes(), rooms, sessions, blocking,
                System::currentTimeMillis).start();

        Node() throws InterruptedException {
            await(events::isUp, 10_000, "connected to Redis");
        }

        @Override
        public void close() {
            sync.close();
            events.close();
            blocking.shutdownNow();
            store.close();
        }
    }

    private record Member(EmbeddedChannel ch, Session session) {
    }

    private static Member connect(Node n, String fingerprint, String nick) throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        var c = new org.kindred.server.transport.Connection(ch, CODEC, new Metrics(), fingerprint,
                new org.kindred.server.transport.Connection.Limits(60, 20, 5), 0);
        Session s = n.sessions.create(c, Role.MEMBER, null, null, null, fingerprint, System.currentTimeMillis())
                .session();
        RoomReplies.join(n.room, s, nick, c, "j1");
        assertEquals("joined", Harness.drain(ch).get(0).path("type").asText());
        return new Member(ch, s);
    }

    private Node node() throws InterruptedException {
        Node n = new Node();
        nodes.add(n);
        return n;
    }

    @AfterEach
    void close() {
        nodes.forEach(Node::close);
    }

    private static long await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long start = System.nanoTime();
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within " + timeoutMs + " ms: " + what);
            }
            Thread.sleep(2);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aBanOnOneNodeClosesTheMemberOnAnotherWithinASecondAndHoldsThere() throws Exception {
        Node a = node();
        Node b = node();
        Member m = connect(b, "fp_network_1", "Rowan");
        Member bystander = connect(b, "fp_network_2", "Sky");
        Harness.drain(m.ch());

        Ban ban = a.bans.add(new NewBan(m.session().memberId(), "fp_network_1", "threats", "alex", now, null));
        long tookMs = await(() -> b.sessions.byMember(m.session().memberId()).isEmpty(), 5_000,
                "the banned member's session ends on node B");
        assertTrue(tookMs < 1_000, "within a second: " + tookMs + " ms");
        await(() -> !m.ch().isOpen(), 2_000, "its connection closes");
        assertTrue(b.bans.activeFor(null, "fp_network_1").isPresent(), "the network ban holds on node B");
        assertTrue(b.bans.activeFor(m.session().memberId(), null).isPresent(), "and the member ban");
        assertTrue(b.sessions.byMember(bystander.session().memberId()).isPresent(), "nobody else is closed");
        assertTrue(bystander.ch().isOpen());

        assertTrue(a.bans.lift(ban.id(), "sam"));
        await(() -> b.bans.activeFor(null, "fp_network_1").isEmpty(), 1_000, "the lift reaches node B");
        assertFalse(a.bans.activeFor(m.session().memberId(), null).isPresent());
    }

    @Test
    void aModeratorOnOneNodeBansAMemberConnectedToAnotherAndTheNetworkBanHoldsEverywhere() throws Exception {
        Node a = node();
        Node b = node();
        Member m = connect(b, "fp_far_network", "Rowan");
        AuditLog audit = new AuditLog(a.store.audit(), java.time.Clock.systemUTC());
        BanRequests banning = new BanRequests(a.sessions, a.bans, new ConsoleRequests(a.rooms, a.store.reports(), a.bans,
                audit, new ModeratorHub(CODEC), System::currentTimeMillis), audit, System::currentTimeMillis);
        var reply = banning.ban("alex", new org.kindred.protocol.ModRequest.Ban("r1", m.session().memberId(), null,
                "threats"));
        assertTrue(reply instanceof org.kindred.protocol.ServerMessage.Ok ok && ok.ban() != null, reply.toString());
        long tookMs = await(() -> b.sessions.byMember(m.session().memberId()).isEmpty(), 5_000, "closed on node B");
        assertTrue(tookMs < 1_000, "within a second: " + tookMs + " ms");
        await(() -> a.bans.activeFor(null, "fp_far_network").isPresent(), 2_000,
                "node B added the fingerprint it knows, and node A holds the network ban too");
        assertTrue(b.bans.activeFor(null, "fp_far_network").isPresent());
        assertEquals("fp_far_network", a.store.bans().find(((org.kindred.protocol.ServerMessage.Ok) reply).ban())
                .orElseThrow().fingerprint());
    }

    @Test
    void theCloseCodeIsBanned() throws Exception {
        Node a = node();
        Node b = node();
        EmbeddedChannel ch = new EmbeddedChannel();
        var c = new org.kindred.server.transport.Connection(ch, CODEC, new Metrics(), "fp",
                new org.kindred.server.transport.Connection.Limits(60, 20, 5), 0);
        Session s = b.sessions.create(c, Role.MEMBER, null, null, null, "fp", now).session();
        a.bans.add(new NewBan(s.memberId(), "fp", "spam", "alex", now, now + 60_000));
        await(() -> !ch.isOpen(), 2_000, "closed");
        List<Object> out = new ArrayList<>();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            out.add(o);
        }
        assertTrue(out.stream().anyMatch(f -> f instanceof io.netty.handler.codec.http.websocketx.CloseWebSocketFrame cf
                && cf.statusCode() == CloseCodes.BANNED), "closed with the banned code: " + out);
    }

    @Test
    void aMuteOnOneNodePausesTheMemberInAnotherNodesRoomAndSoDoesItsLift() throws Exception {
        Node a = node();
        Node b = node();
        Member m = connect(b, "fp_1", "Rowan");
        Harness.drain(m.ch());
        a.mutes.put(new Mute("calm", m.session().memberId(), now + 600_000, "alex", "take a breather", now));
        await(() -> !m.ch().outboundMessages().isEmpty(), 2_000, "the member on node B is told");
        Thread.sleep(20);
        JsonNode notice = Harness.drain(m.ch()).get(0);
        assertEquals("notice", notice.path("type").asText());
        assertEquals("muted", notice.path("code").asText(), notice.toString());
        assertEquals("A moderator has paused your messages here for 10 minutes: take a breather",
                notice.path("text").asText());

        assertTrue(a.mutes.remove("calm", m.session().memberId()));
        await(() -> !m.ch().outboundMessages().isEmpty(), 2_000, "told of the lift");
        Thread.sleep(20);
        JsonNode lifted = Harness.drain(m.ch()).get(0);
        assertEquals("unmuted", lifted.path("code").asText(), lifted.toString());
    }
}
