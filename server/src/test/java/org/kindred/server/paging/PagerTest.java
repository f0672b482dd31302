package org.kindred.server.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.transport.Connection;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.PageDelivery;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;

/** Paging against a real local HTTP receiver, with a real store. */
class PagerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "I have the pills ready tonight";
    private static final String MEMBER = "u_Zq9secretmember";

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService blocking = Executors.newFixedThreadPool(2);
    private final Path dir = tempDir();

    /** One server's worth of paging over the store in {@link #dir}. */
    private final class Node {
        final Store store = SqliteStore.open(dir, StoreConfig.defaults());
        final ModeratorHub hub = new ModeratorHub(ProtocolCodec.shared());
        final Escalations escalations;
        final Pager pager;

        Node(String pagingJson) throws Exception {
            closing.add(store);
            PagingConfig cfg = PagingConfig.from(JSON.readTree(pagingJson));
            AuditLog audit = new AuditLog(store.audit(), Clock.systemUTC());
            escalations = new Escalations(store.escalations(), audit, hub, now::get);
            pager = new Pager(cfg, store.paging(), store.escalations(), hub,
                    new PageSender(cfg, store.paging(), audit, scheduler, blocking, now::get),
                    scheduler, blocking, now::get);
            escalations.onOpened(pager::opened);
        }

        void watch(String room) {
            hub.watch(new Connection(new EmbeddedChannel(), ProtocolCodec.shared(), new Metrics(), null,
                    new Connection.Limits(60, 20, 5), 0), List.of(room));
        }

        Escalation open(RiskLevel level) {
            return escalations.open("support", MEMBER, level, EscalationSource.KEYWORD, TEXT);
        }

        List<AuditEntry> pageAudit(String escalation) {
            return store.audit().forTarget(escalation, 100).stream().filter(a -> a.action().equals("page")).toList();
        }

        /** Waits until no delivery of {@code escalation} is pending. */
        List<PageDelivery> settled(String escalation) throws InterruptedException {
            long end = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < end) {
                List<PageDelivery> ds = store.paging().forEscalation(escalation);
                if (!ds.isEmpty() && ds.stream().noneMatch(d -> d.status() == PageDelivery.Status.PENDING)) {
                    Thread.sleep(100); // let the last audit write land
                    return ds;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("deliveries still pending: " + store.paging().forEscalation(escalation));
        }
    }

    private static Path tempDir() {
        try {
            return org.kindred.server.testing.TempPaths.directory("kindred-paging");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String config(String hooks) {
        return "{\"afterSeconds\":60,\"retryInitialMillis\":20,\"maxAttempts\":5,\"timeoutSeconds\":2,"
                + "\"consoleUrl\":\"https://kindred.example/\",\"webhooks\":[" + hooks + "]}";
    }

    private static String hook(WebhookReceiver r, String path, String format) {
        return "{\"url\":\"" + r.url(path) + "\",\"format\":\"" + format + "\""
                + ("pagerduty".equals(format) ? ",\"routingKey\":\"R0UTE\"" : "") + "}";
    }

    @AfterEach
    void close() throws Exception {
        scheduler.shutdownNow();
        blocking.shutdownNow();
        try {
            for (AutoCloseable c : closing) {
                c.close();
            }
        } finally {
            org.kindred.server.testing.ExternalServices.deleteTree(dir);
        }
    }

    private static void assertNothingIdentifying(String body) {
        assertFalse(body.contains("pills"), "no message text: " + body);
        assertFalse(body.contains(MEMBER), "no member id: " + body);
        assertFalse(body.toLowerCase().contains("nick"), "no nickname: " + body);
        assertFalse(body.contains("excerpt"), "no excerpt: " + body);
    }

    @Test
    void aReceiverThatFailsTwiceGetsExactlyOnePageAfterThreeAuditedAttempts() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver(503, 503)) {
            Node n = new Node(config(hook(r, "/hook", "generic")));
            Escalation e = n.open(RiskLevel.HIGH); // nobody watches
            assertTrue(r.await(3, 10_000), "three attempts reached the receiver");
            List<PageDelivery> ds = n.settled(e.id());
            assertEquals(1, ds.size());
            assertEquals(PageDelivery.Status.DELIVERED, ds.get(0).status());
            assertEquals(3, ds.get(0).attempts());
            Thread.sleep(300);
            assertEquals(3, r.bodies().size(), "nothing is sent after the delivery");
            List<AuditEntry> audit = n.pageAudit(e.id());
            assertEquals(3, audit.size(), "every attempt audited: " + audit);
            assertTrue(audit.stream().filter(a -> a.reason().contains("http 503")).count() == 2, audit.toString());
            assertTrue(audit.get(0).reason().contains("delivered"), "newest first: " + audit.get(0));
            for (AuditEntry a : audit) {
                assertEquals("support", a.room());
                assertNothingIdentifying(a.reason());
                assertFalse(a.reason().contains("127.0.0.1"), "no webhook URL in the audit log");
            }
            for (String body : r.bodies()) {
                assertNothingIdentifying(body);
            }
            JsonNode page = r.json(2);
            assertEquals("kindred.escalation", page.path("event").asText());
            assertEquals(e.id(), page.path("escalation").asText());
            assertEquals("high", page.path("level").asText());
            assertEquals("support", page.path("room").asText());
            assertEquals("nobody_watching", page.path("reason").asText());
            assertEquals("https://kindred.example/moderator.html#escalation=" + e.id(), page.path("console").asText());
            assertEquals(now.get(), page.path("ts").asLong());
            assertEquals(List.of("console", "escalation", "event", "level", "reason", "room", "ts"),
                    fieldNames(page));
        }
    }

    @Test
    void everyFormatCarriesOnlyLevelRoomIdAndLink() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver()) {
            Node n = new Node(config(hook(r, "/g", "generic") + "," + hook(r, "/pd", "pagerduty") + ","
                    + hook(r, "/slack", "slack")));
            Escalation e = n.open(RiskLevel.IMMINENT);
            assertTrue(r.await(3, 10_000));
            n.settled(e.id());
            assertEquals(3, r.bodies().size(), "one page per target");
            for (int i = 0; i < 3; i++) {
                String body = r.bodies().get(i);
                assertNothingIdentifying(body);
                JsonNode j = r.json(i);
                switch (r.paths().get(i)) {
                    case "/pd" -> {
                        assertEquals("R0UTE", j.path("routing_key").asText());
                        assertEquals("trigger", j.path("event_action").asText());
                        assertEquals(e.id(), j.path("dedup_key").asText());
                        assertEquals("critical", j.path("payload").path("severity").asText());
                        assertEquals("kindred", j.path("payload").path("source").asText());
                        assertTrue(j.path("payload").path("summary").asText().contains(e.id()));
                        assertEquals("imminent", j.path("payload").path("custom_details").path("level").asText());
                        assertEquals("support", j.path("payload").path("custom_details").path("room").asText());
                        assertTrue(j.path("links").get(0).path("href").asText().endsWith(e.id()));
                    }
                    case "/slack" -> {
                        assertEquals(List.of("text"), fieldNames(j));
                        assertTrue(j.path("text").asText().contains("imminent"));
                        assertTrue(j.path("text").asText().contains("support"));
                        assertTrue(j.path("text").asText().contains("moderator.html#escalation=" + e.id()));
                    }
                    case "/g" -> assertEquals("imminent", j.path("level").asText());
                    default -> throw new AssertionError(r.paths());
                }
            }
        }
    }

    @Test
    void aWatchingModeratorWhoClaimsInTimeMeansNoPage() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver()) {
            Node n = new Node(config(hook(r, "/hook", "generic")));
            n.watch("*");
            Escalation e = n.open(RiskLevel.IMMINENT);
            now.addAndGet(30_000);
            assertTrue(n.escalations.claim(e.id(), "alex").isPresent());
            now.addAndGet(60_000);
            n.pager.checkUnclaimed(e.id());
            Thread.sleep(300);
            assertTrue(r.bodies().isEmpty(), "nobody paged: " + r.bodies());
            assertTrue(n.store.paging().forEscalation(e.id()).isEmpty());
        }
    }

    @Test
    void anImminentEscalationUnclaimedPastTheDeadlineIsPagedOnce() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver()) {
            Node n = new Node(config(hook(r, "/hook", "generic")));
            n.watch("support"); // watched, so no nobody_watching page
            Escalation e = n.open(RiskLevel.IMMINENT);
            now.addAndGet(59_000);
            n.pager.checkUnclaimed(e.id());
            Thread.sleep(200);
            assertTrue(r.bodies().isEmpty(), "not before the deadline");
            now.addAndGet(1_000);
            n.pager.checkUnclaimed(e.id());
            assertTrue(r.await(1, 10_000));
            n.settled(e.id());
            n.pager.checkUnclaimed(e.id());
            n.pager.start();
            Thread.sleep(300);
            assertEquals(1, r.bodies().size(), "one page per escalation: " + r.bodies());
            assertEquals("unclaimed", r.json(0).path("reason").asText());
        }
    }

    @Test
    void aHighEscalationOthersWatchElsewhereIsPagedButAWatchedOneIsNot() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver()) {
            Node n = new Node(config(hook(r, "/hook", "generic")));
            n.watch("general");
            Escalation e = n.open(RiskLevel.HIGH);
            assertTrue(r.await(1, 10_000), "the room nobody watches is paged");
            assertEquals(e.id(), r.json(0).path("escalation").asText());
            n.escalations.resolve(e.id(), "alex", org.kindred.protocol.ResolveOutcome.FALSE_ALARM, null);
            n.watch("support");
            Escalation concern = n.escalations.open("support", "u_other", RiskLevel.CONCERN,
                    EscalationSource.KEYWORD, "tired");
            Escalation watched = n.escalations.open("support", "u_third", RiskLevel.HIGH, EscalationSource.KEYWORD,
                    "x");
            Thread.sleep(300);
            assertEquals(1, r.bodies().size(), "concern is never paged, a watched high escalation is not");
            assertTrue(n.store.paging().forEscalation(concern.id()).isEmpty());
            assertTrue(n.store.paging().forEscalation(watched.id()).isEmpty());
        }
    }

    @Test
    void aPendingPageSurvivesARestartAndIsSentExactlyOnce() throws Exception {
        try (WebhookReceiver r = new WebhookReceiver()) {
            String cfg = config(hook(r, "/hook", "generic"));
            String key = PagingConfig.from(JSON.readTree(cfg)).webhooks().get(0).key();
            Node first = new Node(cfg);
            Escalation e = first.store.escalations().add(new org.kindred.server.store.NewEscalation("support", MEMBER,
                    RiskLevel.HIGH, EscalationSource.KEYWORD, null, now.get()));
            // as if the first run decided the page, made one attempt, and died before the answer
            first.store.paging().add(new PageDelivery(e.id(), Pager.NOBODY_WATCHING, key, RiskLevel.HIGH, "support",
                    PageDelivery.Status.PENDING, 1, now.get() + 50, now.get()));
            first.store.close();
            Node second = new Node(cfg);
            assertEquals(0, second.pager.poll(), "not before its next attempt is due");
            now.addAndGet(50);
            assertEquals(1, second.pager.start(), "the pending delivery is resumed");
            assertTrue(r.await(1, 10_000));
            List<PageDelivery> ds = second.settled(e.id());
            assertEquals(2, ds.get(0).attempts());
            second.store.close();
            Node third = new Node(cfg);
            assertEquals(0, third.pager.start(), "a delivered page is not repeated");
            Thread.sleep(300);
            assertEquals(1, r.bodies().size());
        }
    }

    @Test
    void anUnreachableTargetIsRetriedThenGivenUpWithEveryAttemptAudited() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Node n = new Node("{\"retryInitialMillis\":10,\"maxAttempts\":3,\"webhooks\":[{\"url\":\"http://127.0.0.1:"
                + closedPort + "/x\"}]}");
        Escalation e = n.open(RiskLevel.HIGH);
        List<PageDelivery> ds = n.settled(e.id());
        assertEquals(PageDelivery.Status.FAILED, ds.get(0).status());
        List<AuditEntry> audit = n.pageAudit(e.id());
        assertEquals(3, audit.size(), audit.toString());
        assertTrue(audit.stream().allMatch(a -> a.reason().contains("connection failed")), audit.toString());
        assertTrue(audit.get(0).reason().contains("given up"), audit.get(0).reason());
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() throws Exception {
        PagingConfig cfg = PagingConfig.from(JSON.readTree("{\"retryInitialMillis\":1000}"));
        PageSender s = new PageSender(cfg, null, null, scheduler, blocking, now::get);
        for (int i = 0; i < 50; i++) {
            long b1 = s.backoff(1);
            long b3 = s.backoff(3);
            assertTrue(b1 >= 500 && b1 < 1000, "first retry: " + b1);
            assertTrue(b3 >= 2000 && b3 < 4000, "third retry: " + b3);
            assertTrue(s.backoff(40) <= PageSender.MAX_BACKOFF_MS);
        }
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            distinct.add(s.backoff(5));
        }
        assertTrue(distinct.size() > 1, "jittered");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
