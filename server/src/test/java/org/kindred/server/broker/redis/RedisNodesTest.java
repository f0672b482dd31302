package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.BrokerException;
import org.kindred.server.testing.RedisServer;

/** Several nodes on one real Redis: one order for all, presence that outlives no dead node, gaps filled. */
class RedisNodesTest {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private RedisServer redis;
    private RedisNodes nodes;

    @BeforeEach
    void start() {
        redis = RedisServer.shared();
        nodes = new RedisNodes(redis);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    /** Collects messages' (seq, id) as one node delivers them. */
    static final class Seen implements Broker.Subscriber {
        final BlockingQueue<ServerMessage.Message> got = new LinkedBlockingQueue<>();

        @Override
        public void deliver(String room, ServerMessage event, String exceptMember) {
            if (event instanceof ServerMessage.Message m) {
                got.add(m);
            }
        }

        List<ServerMessage.Message> await(int n) throws InterruptedException {
            List<ServerMessage.Message> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (out.size() < n) {
                ServerMessage.Message m = got.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("got " + out.size() + " of " + n + " messages");
                }
                out.add(m);
            }
            return out;
        }
    }

    private static ServerMessage.Message publish(Broker b, String id) {
        try {
            return b.publish("calm", ANN, id, "text of " + id, System.currentTimeMillis(), m -> { })
                    .toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e; // the BrokerException itself
        }
    }

    @Test
    void twoNodesDeliverEveryMessageInOneSeqOrderUnderConcurrentPublishersOnBoth() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
        RedisNodes.Node b = nodes.node(prefix, 50, 60_000);
        Seen onA = new Seen();
        Seen onB = new Seen();
        a.broker().subscribe("calm", onA);
        b.broker().subscribe("calm", onB);
        int each = 150;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Broker via = t % 2 == 0 ? a.broker() : b.broker();
            String who = "t" + t + "_";
            threads.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    publish(via, who + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        List<ServerMessage.Message> seenA = onA.await(4 * each);
        List<ServerMessage.Message> seenB = onB.await(4 * each);
        for (int i = 0; i < seenA.size(); i++) {
            assertEquals(i + 1, seenA.get(i).seq(), "node A: seq order without gaps");
        }
        assertEquals(seenA.stream().map(ServerMessage.Message::msg).toList(),
                seenB.stream().map(ServerMessage.Message::msg).toList(), "both nodes see one order");
        assertEquals(seenA, seenB);
        assertEquals(50, a.history().size("calm"), "the stream keeps the last N");
        assertEquals(4 * each, a.history().recent("calm", System.currentTimeMillis()).get(49).seq());
    }

    @Test
    void aFailedPublishUsesNoNumber() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        redis.command("SET", prefix + "{calm}:hist", "not a stream");
        RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
        assertThrows(BrokerException.class, () -> publish(a.broker(), "m_1"));
        redis.command("DEL", prefix + "{calm}:hist");
        assertEquals(1, publish(a.broker(), "m_2").seq(), "the script stopped before taking a number");
    }

    @Test
    void messagesPublishedWhileANodesSubscriptionWasDownAreCaughtUpFromTheStream() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
        RedisNodes.Node b = nodes.node(prefix, 50, 60_000);
        Seen onA = new Seen();
        a.broker().subscribe("calm", onA);
        publish(b.broker(), "m_1");
        assertEquals(1, onA.await(1).get(0).seq());
        redis.command("CLIENT", "KILL", "TYPE", "pubsub"); // every node's subscriptions drop
        for (int i = 2; i <= 6; i++) {
            publish(b.broker(), "m_" + i);
        }
        List<ServerMessage.Message> rest = onA.await(5);
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), rest.stream().map(ServerMessage.Message::seq).toList());
        publish(b.broker(), "m_7");
        assertEquals(7, onA.await(1).get(0).seq(), "the subscription is back");
    }

    @Test
    void aNodeThatStopsRefreshingLosesItsMembersWithinItsTtl() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        long ttl = 900;
        RedisPresence dying = nodes.presence(prefix, "n_dying", ttl);
        RedisPresence living = nodes.presence(prefix, "n_living", ttl);
        dying.add("calm", ANN);
        assertTrue(dying.claimNick("calm", "u_1", List.of("case:ann")));
        living.add("calm", new MemberInfo("u_2", "Bo", Role.MEMBER));
        dying.close(); // no more heartbeats: as if the node was killed
        long stopped = System.nanoTime();
        assertEquals(2, living.count("calm"), "within the TTL the member is still there");
        while (living.count("calm") == 2) {
            assertTrue(System.nanoTime() - stopped < TimeUnit.MILLISECONDS.toNanos(ttl + 500),
                    "the dead node's member vanishes within its TTL");
            Thread.sleep(20);
        }
        assertEquals(List.of("u_2"), living.members("calm").stream().map(MemberInfo::id).toList());
        assertTrue(living.claimNick("calm", "u_3", List.of("case:ann")), "its nickname is free again");
        Thread.sleep(2 * ttl);
        assertEquals(1, living.count("calm"), "a refreshing node keeps its members past the TTL");
    }

    @Test
    void awaySeatsAreCountedAndLetGoAcrossNodesAndADeadNodesFreeWithinItsTtl() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        long ttl = 900;
        RedisPresence a = nodes.presence(prefix, "n_a", ttl);
        RedisPresence b = nodes.presence(prefix, "n_b", ttl);
        RedisPresence dying = nodes.presence(prefix, "n_dying", ttl);
        a.add("calm", ANN);
        b.add("calm", new MemberInfo("u_2", "Bo", Role.MEMBER));
        dying.add("calm", new MemberInfo("u_3", "Cy", Role.MEMBER));
        dying.add("calm", new MemberInfo("u_4", "Di", Role.MEMBER));
        a.away("calm", "u_1", true);
        assertEquals(3, b.seated("calm"), "a member dropped on A counts apart on B");
        b.away("calm", "u_1", false);
        assertEquals(4, a.seated("calm"), "back, wherever that was told");
        a.away("calm", "u_1", true);
        b.away("calm", "u_1", true); // B does not seat u_1: no change of its place
        a.away("calm", "u_2", true); // nor does A seat u_2
        assertEquals(3, a.seated("calm"));
        dying.away("calm", "u_3", true);
        assertEquals(2, a.seated("calm"));
        assertEquals(List.of("u_1"), b.trimAway("calm", 1).stream().map(MemberInfo::id).toList(),
                "B lets A's member, away longest, go");
        assertTrue(a.get("calm", "u_1").isEmpty());
        dying.close(); // as if killed: its members, away or not, vanish with its liveness
        long stopped = System.nanoTime();
        while (a.count("calm") > 1) {
            assertTrue(System.nanoTime() - stopped < TimeUnit.MILLISECONDS.toNanos(ttl + 500),
                    "a dead node's seats free within its TTL");
            Thread.sleep(20);
        }
        assertEquals(1, a.seated("calm"));
        assertEquals(List.of(), a.trimAway("calm", 0), "nobody away is left");
    }

    @Test
    void redisRestartedPublishesFailFastThenNumberingGoesOnAboveWhatNodesSawAndSubscriptionsRecover()
            throws Exception {
        try (RedisServer own = RedisServer.start(); RedisNodes here = new RedisNodes(own)) {
            String prefix = RedisNodes.freshPrefix();
            RedisNodes.Node a = here.node(prefix, 50, 60_000);
            RedisNodes.Node b = here.node(prefix, 50, 60_000);
            Seen onA = new Seen();
            Seen onB = new Seen();
            a.broker().subscribe("calm", onA);
            b.broker().subscribe("calm", onB);
            for (int i = 1; i <= 3; i++) {
                publish(a.broker(), "m_" + i);
            }
            assertEquals(3, onB.await(3).get(2).seq());
            onA.await(3);

            own.stopServer(); // SIGKILL: every key and subscription is gone
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                assertThrows(BrokerException.class, () -> publish(a.broker(), "lost"));
                assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(2_500),
                        "fails within the command timeout, never hangs");
            }
            own.startServer(); // empty: no persistence
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(a.link().isUp() && b.link().isUp())) {
                assertTrue(System.nanoTime() < deadline, "the nodes reconnect by themselves");
                Thread.sleep(20);
            }
            assertEquals(4, publish(b.broker(), "m_4").seq(),
                    "B only received 1-3, yet numbering goes on above them: seq never goes backwards");
            assertEquals(5, publish(a.broker(), "m_5").seq());
            assertEquals(List.of(4L, 5L), onA.await(2).stream().map(ServerMessage.Message::seq).toList());
            assertEquals(List.of(4L, 5L), onB.await(2).stream().map(ServerMessage.Message::seq).toList());
            assertEquals(List.of("m_4", "m_5"), a.history().recent("calm", System.currentTimeMillis()).stream()
                    .map(ServerMessage.Message::msg).toList(), "history before the restart is lost, by design");
        }
    }

    @Test
    void aPublishInFlightWhenItsConnectionDropsFailsAndIsNeverReplayed() throws Exception {
        try (RedisServer own = RedisServer.start(); RedisNodes here = new RedisNodes(own)) {
            RedisNodes.Node a = here.node(RedisNodes.freshPrefix(), 50, 60_000);
            Seen onA = new Seen();
            a.broker().subscribe("calm", onA);
            assertEquals(1, publish(a.broker(), "m_1").seq());
            own.command("CLIENT", "PAUSE", "1500", "WRITE"); // the next script waits inside Redis
            java.util.concurrent.CompletableFuture<Throwable> inFlight = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            publish(a.broker(), "m_lost");
                            return null;
                        } catch (RuntimeException e) {
                            return e;
                        }
                    });
            Thread.sleep(300);
            own.command("CLIENT", "KILL", "TYPE", "normal"); // the node's command connection drops mid-command
            assertTrue(inFlight.get(3, TimeUnit.SECONDS) instanceof BrokerException, "the caller is told");
            own.command("CLIENT", "UNPAUSE");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!a.link().isUp()) {
                assertTrue(System.nanoTime() < deadline, "the node reconnects");
                Thread.sleep(20);
            }
            Thread.sleep(300); // a replayed command would have run by now
            assertEquals(2, publish(a.broker(), "m_2").seq(), "the failed publish was not run after reconnecting");
            assertEquals(List.of("m_1", "m_2"), onA.await(2).stream().map(ServerMessage.Message::msg).toList());
        }
    }
}
