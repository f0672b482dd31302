package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Redis outage of {@link ThreeNodeFailureTest}: a writer on each node sends without pause
 * while Redis is killed and started again (empty, as it keeps nothing on disk). Every send is
 * answered within a few seconds, {@code sent} or {@code internal}, never left hanging; a reader on
 * each node then holds no message twice, with {@code seq} rising, and, in one order for all readers,
 * every message acknowledged before the outage began or after it ended (those published in the
 * instant Redis died may be lost to the other nodes: history is in memory only); a ban made before the outage holds on every node after it, and a ban made
 * after it closes the member on another node within a second (the nodes recovered without restart).
 */
final class RedisOutage {
    /** One answered send: which writer, the text, the reply's type or error code, how long it took, when it started. */
    private record Reply(int writer, String text, String outcome, long ms, long startedAt) {
    }

    /** How long before Redis is killed an acknowledged message may still be on its way to other nodes, ms. */
    private static final long EDGE_MS = 200;

    private RedisOutage() {
    }

    static void run(ThreeNodes nodes, String room) throws Exception {
        WsClient mod = nodes.moderator(0);
        WsClient early = nodes.joined(1, "127.0.0.31", room, "Early");
        assertEquals("ok", mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(early),
                "reason", "spam", "id", "b0")).path("type").asText());
        assertEquals(4003, early.awaitClose());
        List<WsClient> readers = new ArrayList<>();
        List<WsClient> writers = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            readers.add(nodes.joined(n, room, "Reader " + n));
            writers.add(nodes.joined(n, room, "Writer " + n));
        }
        ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            WsClient w = writers.get(n);
            int writer = n;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        String text = "w" + writer + " " + i;
                        long t0 = System.nanoTime();
                        long at = System.currentTimeMillis();
                        JsonNode r = w.request(Map.of("type", "send", "room", room, "text", text, "id", "s" + i));
                        String outcome = "error".equals(r.path("type").asText()) ? r.path("code").asText()
                                : r.path("type").asText();
                        replies.add(new Reply(writer, text, outcome, (System.nanoTime() - t0) / 1_000_000, at));
                        Thread.sleep(20);
                    }
                } catch (Throwable e) { // an unanswered send (WsClient's 5 s) is a hang
                    failures.add(e);
                }
            }, "redis-outage-writer-" + n);
            threads.add(t);
            t.start();
        }
        long stopped;
        long back;
        try {
            Thread.sleep(800);
            stopped = System.currentTimeMillis();
            nodes.redis().stopServer();
            nodes.awaitReadyz(503, 10_000);
            Thread.sleep(1_000);
            nodes.redis().startServer();
            nodes.awaitReadyz(200, 30_000);
            back = System.currentTimeMillis();
            long deadline = back + 20_000;
            while (System.currentTimeMillis() < deadline && failures.isEmpty()
                    && !eachSentAfter(replies, back, 10)) {
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        assertTrue(failures.isEmpty(), () -> "every send was answered: " + failures);
        Set<String> kept = new HashSet<>(); // acknowledged well before Redis died, or after every node was ready again
        Set<String> outcomes = new HashSet<>();
        for (Reply r : replies) {
            outcomes.add(r.outcome());
            assertTrue(r.ms() < 3_000, "answered fast, not hung: " + r);
            if ("sent".equals(r.outcome()) && (r.startedAt() + r.ms() < stopped - EDGE_MS || r.startedAt() > back)) {
                kept.add(r.text());
            }
        }
        assertEquals(Set.of("sent", "internal"), outcomes, "sent, or internal during the outage");
        for (int n = 0; n < 3; n++) {
            int writer = n;
            assertTrue(replies.stream().anyMatch(r -> r.writer() == writer && "internal".equals(r.outcome())),
                    "writer " + n + " saw the outage");
        }
        List<String> first = null;
        for (int n = 0; n < 3; n++) {
            List<String> order = received(readers.get(n), room, kept, n);
            if (first == null) {
                first = order;
            } else {
                assertEquals(first, order, "reader " + n + " saw reader 0's order");
            }
        }
        for (int n = 0; n < 3; n++) {
            WsClient again = nodes.raw(n, "127.0.0.31");
            JsonNode refused = again.request(Map.of("type", "hello", "v", 1, "id", "h"));
            assertEquals("banned", refused.path("code").asText(), "node " + n + " still holds the ban: " + refused);
        }
        WsClient later = nodes.joined(2, "127.0.0.32", room, "Later");
        long t0 = System.nanoTime();
        assertEquals("ok", mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(later),
                "reason", "spam", "id", "b1")).path("type").asText());
        assertEquals(4003, later.awaitClose());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1_000, "a ban on A closed the member on C in " + ms + " ms after the outage");
    }

    private static boolean eachSentAfter(ConcurrentLinkedQueue<Reply> replies, long since, int n) {
        int[] counts = new int[3];
        for (Reply r : replies) {
            if (r.startedAt() > since && "sent".equals(r.outcome())) {
                counts[r.writer()]++;
            }
        }
        return counts[0] >= n && counts[1] >= n && counts[2] >= n;
    }

    /**
     * The messages of {@code room} {@code reader} received (until a second passes without one),
     * checked: seq rising, each message once, every one of {@code kept} there; returns the texts of
     * {@code kept} in the order received. (Messages published in the last moments before Redis was
     * killed may be lost to other nodes, as Redis keeps history in memory only.)
     */
    private static List<String> received(WsClient reader, String room, Set<String> kept, int n) throws Exception {
        List<JsonNode> got = new ArrayList<>();
        JsonNode m;
        while ((m = reader.poll(1_000)) != null) {
            if (ThreeNodeChatTest.isMessage(m, room)) {
                got.add(m);
            }
        }
        Set<String> texts = new HashSet<>();
        List<String> order = new ArrayList<>();
        long last = 0;
        for (JsonNode g : got) {
            long seq = g.path("seq").asLong();
            assertTrue(seq > last, "reader " + n + ": seq rising, " + seq + " after " + last);
            last = seq;
            assertTrue(texts.add(g.path("text").asText()), "reader " + n + " got it once: " + g);
            if (kept.contains(g.path("text").asText())) {
                order.add(g.path("text").asText());
            }
        }
        Set<String> lost = new HashSet<>(kept);
        lost.removeAll(texts);
        assertTrue(lost.isEmpty(), "reader " + n + " got every acknowledged message; missing " + lost);
        return order;
    }
}
