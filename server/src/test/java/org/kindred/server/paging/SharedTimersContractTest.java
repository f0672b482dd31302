package org.kindred.server.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.PageDelivery;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.testing.RecordingOutbound;

/**
 * The escalation timers of several nodes sharing one store: each re-announcement of an unclaimed
 * imminent escalation and each page happen exactly once across the nodes, and when one node's
 * timers stop (the node died) the others carry on. Each "node" is its own store instance, hub,
 * {@link Escalations}, {@link Pager} and threads, over the same data; time is a shared clock the
 * test moves, while the nodes' timers tick for real every few ms.
 */
public abstract class SharedTimersContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INTERVAL = 120_000;
    private static final long TICK_MS = 10;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final List<Node> nodes = new ArrayList<>();

    /** A store on fresh, empty data; called once per test, before {@link #reopen}. */
    protected abstract Store openFresh(StoreConfig config);

    /** Another store instance on the same data, open at the same time (another node). */
    protected abstract Store reopen(StoreConfig config);

    /** One node: its own store instance, hub with one moderator watching every room, and threads. */
    private final class Node implements AutoCloseable {
        final Store store;
        final ModeratorHub hub = new ModeratorHub(ProtocolCodec.shared());
        final RecordingOutbound moderator = new RecordingOutbound();
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService blocking = Executors.newFixedThreadPool(2);
        final Escalations escalations;
        Pager pager;

        Node(Store store) {
            this.store = store;
            hub.watch(moderator, List.of("*"));
            escalations = new Escalations(store.escalations(), new AuditLog(store.audit(), Clock.systemUTC()), hub,
                    now::get);
        }

        Pager pager(String pagingJson) throws Exception {
            PagingConfig cfg = PagingConfig.from(JSON.readTree(pagingJson));
            AuditLog audit = new AuditLog(store.audit(), Clock.systemUTC());
            pager = new Pager(cfg, store.paging(), store.escalations(), hub,
                    new PageSender(cfg, store.paging(), audit, timers, blocking, now::get), timers, blocking, now::get);
            escalations.onOpened(pager::opened);
            return pager;
        }

        /** The node dies: its timers stop at once. */
        void kill() {
            timers.shutdownNow();
            blocking.shutdownNow();
        }

        @Override
        public void close() {
            kill();
            store.close();
        }
    }

    private Node node() {
        Node n = new Node(nodes.isEmpty() ? openFresh(StoreConfig.defaults()) : reopen(StoreConfig.defaults()));
        nodes.add(n);
        return n;
    }

    @AfterEach
    void closeNodes() {
        for (Node n : nodes) {
            n.close();
        }
    }

    /** Escalation ids of the re-announcements every node's moderator got, counted. */
    private Map<String, Integer> announcements() {
        Map<String, Integer> count = new HashMap<>();
        for (Node n : nodes) {
            for (JsonNode e : n.moderator.received()) {
                if ("mod.escalation".equals(e.path("type").asText())) {
                    count.merge(e.path("escalation").asText(), 1, Integer::sum);
                }
            }
        }
        return count;
    }

    private Map<String, Integer> waitForAnnouncements(int total) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end
                && announcements().values().stream().mapToInt(Integer::intValue).sum() < total) {
            Thread.sleep(5);
        }
        Thread.sleep(20 * TICK_MS); // room for a duplicate to show up
        return announcements();
    }

    @Test
    void eachReannouncementHappensOnceAcrossNodesAndGoesOnWhenANodeDies() throws Exception {
        Node a = node();
        Node b = node();
        Node c = node();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(a.escalations.open("support", "u_" + i, RiskLevel.IMMINENT, EscalationSource.KEYWORD, "x").id());
        }
        a.escalations.open("support", "u_high", RiskLevel.HIGH, EscalationSource.KEYWORD, "y");
        Map<String, Integer> opened = announcements(); // the first announcement, on the opening node
        for (Node n : nodes) {
            n.escalations.scheduleReannounce(new org.kindred.server.store.StoreJobs(n.timers, n.blocking), INTERVAL, TICK_MS);
        }
        Thread.sleep(10 * TICK_MS);
        assertEquals(opened, announcements(), "nothing is due before one interval");
        for (int round = 1; round <= 4; round++) {
            if (round == 3) {
                a.kill(); // mid-way: two nodes are left
                c.kill(); // then one
            }
            now.addAndGet(INTERVAL);
            Map<String, Integer> got = waitForAnnouncements(4 + 3 * round);
            for (String id : ids) {
                assertEquals(1 + round, got.get(id), "round " + round + ": announced once per interval: " + got);
            }
        }
        assertTrue(b.escalations.claim(ids.get(0), "alex").isPresent());
        now.addAndGet(INTERVAL);
        Map<String, Integer> got = waitForAnnouncements(4 + 3 * 4 + 1 + 2);
        assertEquals(6, got.get(ids.get(0)), "claimed: announced once more (the claim), then quiet: " + got);
        assertEquals(6, got.get(ids.get(1)), got.toString());
    }

    private static String config(WebhookReceiver r) {
        return "{\"afterSeconds\":60,\"retryInitialMillis\":20,\"maxAttempts\":3,\"timeoutSeconds\":2,"
                + "\"webhooks\":[{\"url\":\"" + r.url("/hook") + "\"}]}";
    }

    @Test
    void eachPageIsSentOnceAcrossNodesAndANodeDyingDoesNotStopPaging() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver()) {
            List<Node> all = List.of(node(), node(), node());
            for (Node n : all) {
                n.pager(config(r)).start(TICK_MS);
            }
            Node a = all.get(0);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // watched on every node: paged only when left unclaimed
                ids.add(a.escalations.open("support", "u_" + i, RiskLevel.IMMINENT, EscalationSource.KEYWORD, "x").id());
            }
            Thread.sleep(20 * TICK_MS);
            assertTrue(r.bodies().isEmpty(), "not before the deadline: " + r.bodies());
            now.addAndGet(60_000);
            assertTrue(r.await(4, 10_000), "every unclaimed escalation paged: " + r.bodies());
            long end = System.currentTimeMillis() + 10_000;
            while (!a.store.paging().pending().isEmpty() && System.currentTimeMillis() < end) {
                Thread.sleep(5); // every delivery's outcome written
            }
            Thread.sleep(30 * TICK_MS);
            assertEquals(ids.stream().sorted().toList(), escalationsPaged(r), "each paged once by all nodes together");

            a.kill(); // the node that opened them dies; a delivery it had started is left pending
            all.get(1).kill();
            Escalation e = a.store.escalations().add(new org.kindred.server.store.NewEscalation("support", "u_9",
                    RiskLevel.HIGH, EscalationSource.KEYWORD, null, now.get()));
            String key = PagingConfig.from(JSON.readTree(config(r))).webhooks().get(0).key();
            a.store.paging().add(new PageDelivery(e.id(), Pager.NOBODY_WATCHING, key, RiskLevel.HIGH, "support",
                    PageDelivery.Status.PENDING, 1, now.get() + 5_000, now.get()));
            Thread.sleep(20 * TICK_MS);
            assertEquals(4, r.bodies().size(), "its lease has not ended yet");
            now.addAndGet(5_000);
            assertTrue(r.await(5, 10_000), "the last node resumes the dead node's delivery");
            Node last = all.get(2);
            long written = System.currentTimeMillis() + 10_000;
            while (!last.store.paging().pending().isEmpty() && System.currentTimeMillis() < written) {
                Thread.sleep(5); // its outcome written before the clock jumps past the attempt's lease
            }
            now.addAndGet(60_000);
            Thread.sleep(30 * TICK_MS);
            assertEquals(5, r.bodies().size(), "and sends nothing twice: " + r.bodies());
            PageDelivery done = all.get(2).store.paging().forEscalation(e.id()).get(0);
            assertEquals(PageDelivery.Status.DELIVERED, done.status());
            assertEquals(2, done.attempts());
        }
    }

    private static List<String> escalationsPaged(WebhookReceiver r) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.bodies().size(); i++) {
            JsonNode j = r.json(i);
            assertEquals("unclaimed", j.path("reason").asText());
            out.add(j.path("escalation").asText());
        }
        return out.stream().sorted().toList();
    }
}
