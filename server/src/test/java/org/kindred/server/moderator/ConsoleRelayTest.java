package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisURI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.Role;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.RedisClusterEvents;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.testing.RecordingOutbound;
import org.kindred.server.testing.RedisServer;

/**
 * Moderators' consoles across nodes: an escalation raised on node A reaches a moderator watching on
 * node B, enriched on A; each re-announcement, claimed by whichever node, reaches every moderator of
 * every node exactly once; role filters apply to relayed events; room states stay on their node.
 */
class ConsoleRelayTest {
    private static final long INTERVAL = 120_000;
    private final String channel = "kindred:test-console-" + System.nanoTime();
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final List<Node> nodes = new ArrayList<>();

    @TempDir
    Path dir;

    private final class Node implements AutoCloseable {
        final Store store = SqliteStore.open(dir.resolve("data"), StoreConfig.defaults());
        final ClusterEvents events = RedisClusterEvents.connect(RedisURI.create(RedisServer.shared().uri()), channel,
                Duration.ofSeconds(2));
        final ModeratorHub hub = new ModeratorHub(ProtocolCodec.shared());
        final RecordingOutbound moderator = new RecordingOutbound();
        final RecordingOutbound supporter = new RecordingOutbound();
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        final Escalations escalations;

        Node(String name) throws InterruptedException {
            this(name, true);
        }

        Node(String name, boolean watching) throws InterruptedException {
            hub.enrichWith((e, room) -> e instanceof ModEvent.Escalation x
                    ? new ModEvent.Escalation(x.escalation(), x.room(), x.member(), x.level(), x.source(),
                            "enriched on " + name, x.status(), x.claimedBy(), x.ts())
                    : e);
            hub.relayVia(events, timers);
            if (watching) {
                hub.watch(moderator, List.of("*"));
                hub.watch(supporter, List.of("*"), Role.SUPPORTER);
            }
            escalations = new Escalations(store.escalations(), new AuditLog(store.audit(), Clock.systemUTC()), hub,
                    now::get);
            long end = System.currentTimeMillis() + 10_000;
            while (!events.isUp() && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertTrue(events.isUp());
        }

        List<JsonNode> got(RecordingOutbound who, String type) {
            return who.received().stream().filter(j -> type.equals(j.path("type").asText())).toList();
        }

        @Override
        public void close() {
            timers.shutdownNow();
            events.close();
            store.close();
        }
    }

    @AfterEach
    void close() {
        nodes.forEach(Node::close);
    }

    private Node node(String name) throws InterruptedException {
        return node(name, true);
    }

    private Node node(String name, boolean watching) throws InterruptedException {
        Node n = new Node(name, watching);
        nodes.add(n);
        return n;
    }

    private static void await(java.util.function.BooleanSupplier ok, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 5_000;
        while (!ok.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void anEscalationOnOneNodeAndEachReannouncementReachEveryModeratorOnce() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Escalation e = a.escalations.open("support", "u_1", RiskLevel.IMMINENT, EscalationSource.KEYWORD, "x");
        await(() -> b.got(b.moderator, "mod.escalation").size() == 1, "B's moderator hears of A's escalation");
        JsonNode onB = b.got(b.moderator, "mod.escalation").get(0);
        assertEquals(e.id(), onB.path("escalation").asText());
        assertEquals("enriched on a", onB.path("excerpt").asText(), "enriched where it happened");
        await(() -> b.got(b.supporter, "mod.escalation").size() == 1, "supporters get escalations too");

        for (Node n : nodes) {
            n.escalations.scheduleReannounce(new org.kindred.server.store.StoreJobs(n.timers, n.timers), INTERVAL, 10);
        }
        for (int round = 1; round <= 3; round++) {
            now.addAndGet(INTERVAL);
            int expected = 1 + round;
            for (Node n : nodes) {
                await(() -> n.got(n.moderator, "mod.escalation").size() >= expected, "round " + expected);
            }
            Thread.sleep(150); // room for a duplicate
            for (Node n : nodes) {
                assertEquals(expected, n.got(n.moderator, "mod.escalation").size(), "once per moderator per interval");
            }
        }
    }

    @Test
    void aRoomWatchedOnAnotherNodeCountsAsWatched() throws Exception {
        Node a = node("a");
        Node b = node("b");
        assertTrue(a.hub.isWatched("support"), "B's moderator watches every room");
        RecordingOutbound griefOnly = new RecordingOutbound();
        for (Node n : nodes) {
            n.hub.unwatch(n.moderator);
            n.hub.unwatch(n.supporter);
        }
        await(() -> !a.hub.isWatched("grief") && !b.hub.isWatched("grief"), "nobody watches any more");
        b.hub.watch(griefOnly, List.of("grief"), Role.SUPPORTER);
        await(() -> a.hub.isWatched("grief"), "A knows that B's supporter watches grief");
        assertTrue(!a.hub.isWatched("support") && !a.hub.isWatched(null), "and only grief");
        b.hub.unwatch(griefOnly);
        await(() -> !a.hub.isWatched("grief"), "and when they stop");
    }

    @Test
    void roleFiltersApplyToRelayedEventsAndRoomStatesAreRelayedToo() throws Exception {
        Node a = node("a");
        Node b = node("b");
        a.hub.publish("support", new ModEvent.Held("support", "m_1", "u_1", "held text", List.of("insult"),
                now.get(), null));
        a.hub.publish("support", new ModEvent.RoomState("support", 3, 20, false));
        a.hub.publish(null, new ModEvent.Held(null, "m_2", "u_2", "second", List.of("insult"), now.get(), null));
        await(() -> b.got(b.moderator, "mod.held").size() == 2, "held messages relayed, in order");
        assertEquals(List.of("m_1", "m_2"), b.got(b.moderator, "mod.held").stream().map(j -> j.path("msg").asText())
                .toList());
        Thread.sleep(100);
        assertTrue(b.got(b.supporter, "mod.held").isEmpty(), "a supporter on B does not get held messages");
        assertEquals(List.of(3), b.got(b.moderator, "mod.room").stream().map(j -> j.path("members").asInt())
                .toList(), "A's room state (the shared count) reaches B's moderator");
        assertTrue(b.got(b.supporter, "mod.room").isEmpty(), "but not a supporter");
        assertEquals(1, a.got(a.moderator, "mod.room").size(), "A's own moderator once, not echoed back");
        assertEquals(2, a.got(a.moderator, "mod.held").size(), "A's own moderator once each, not echoed back");
    }

    @Test
    void aModeratorWhoBeginsWatchingOnAnotherNodeGetsTheRoomsStateFromTheNodeThatHasIt() throws Exception {
        Node a = node("a", false);
        Node b = node("b", false);
        org.kindred.server.room.Room calm = new org.kindred.server.room.Room(
                new org.kindred.server.config.RoomConfig("calm", "Calm", "t", "Be kind.", 10), Runnable::run,
                ProtocolCodec.shared(), new org.kindred.server.metrics.Metrics(),
                new org.kindred.server.session.NickRules(n -> true), 50, 60_000, System::currentTimeMillis);
        org.kindred.server.room.RoomRegistry rooms = new org.kindred.server.room.RoomRegistry(
                List.of(calm.config()), rc -> calm);
        new ConsoleRequests(rooms, a.store.reports(), new BanList(a.store.bans(), System::currentTimeMillis, a.events),
                new AuditLog(a.store.audit(), Clock.systemUTC()), a.hub, System::currentTimeMillis);
        Thread.sleep(100);
        assertTrue(b.got(b.moderator, "mod.room").isEmpty(), "nobody watches yet");

        b.hub.watch(b.moderator, List.of("calm"));
        await(() -> b.got(b.moderator, "mod.room").size() == 1, "A tells B's new watcher the room's state");
        JsonNode state = b.got(b.moderator, "mod.room").get(0);
        assertEquals("calm", state.path("room").asText());
        assertEquals(10, state.path("capacity").asInt());
        assertEquals(0, state.path("members").asInt());

        b.hub.watch(b.supporter, List.of("grief"), Role.SUPPORTER);
        await(() -> a.hub.isWatched("grief"), "A knows of the supporter");
        Thread.sleep(150);
        assertEquals(1, b.got(b.moderator, "mod.room").size(), "once: a room already watched is not told again");
    }
}
