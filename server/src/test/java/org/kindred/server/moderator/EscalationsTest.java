package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.Connection;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.testing.Harness;

class EscalationsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final java.nio.file.Path dir = tempDir();
    private final Store store = SqliteStore.open(dir, StoreConfig.defaults());
    private final ModeratorHub hub = new ModeratorHub(ProtocolCodec.shared());
    private final Escalations escalations = new Escalations(store.escalations(),
            new AuditLog(store.audit(), Clock.systemUTC()), hub, now::get);
    private final EmbeddedChannel watcher = new EmbeddedChannel();

    EscalationsTest() {
        hub.watch(new Connection(watcher, ProtocolCodec.shared(), new Metrics(), null,
                new Connection.Limits(60, 20, 5), 0), List.of("*"));
    }

    private static java.nio.file.Path tempDir() {
        try {
            return org.kindred.server.testing.TempPaths.directory("kindred-esc");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        try {
            store.close();
        } finally {
            org.kindred.server.testing.ExternalServices.deleteTree(dir);
        }
    }

    @Test
    void highAndImminentPageModeratorsConcernOnlyQueues() throws Exception {
        escalations.open("general", "u_1", RiskLevel.CONCERN, EscalationSource.KEYWORD, "tired of everything");
        assertTrue(Harness.drain(watcher).isEmpty(), "concern is not paged");
        escalations.open("general", "u_2", RiskLevel.HIGH, EscalationSource.KEYWORD, "x");
        assertEquals("high", Harness.drain(watcher).get(0).path("level").asText());
        assertEquals(2, escalations.unresolved().size());
    }

    @Test
    void oneMemberOneEscalationUnlessItGetsWorse() {
        Escalation first = escalations.open("general", "u_1", RiskLevel.HIGH, EscalationSource.KEYWORD, "a");
        Escalation again = escalations.open("general", "u_1", RiskLevel.HIGH, EscalationSource.KEYWORD, "b");
        assertEquals(first.id(), again.id());
        Escalation worse = escalations.open("general", "u_1", RiskLevel.IMMINENT, EscalationSource.KEYWORD, "c");
        assertTrue(!worse.id().equals(first.id()));
        assertEquals(RiskLevel.IMMINENT, escalations.unresolved().get(0).level(), "imminent first");
    }

    @Test
    void unclaimedImminentEscalationsAreAnnouncedAgainUntilClaimed() throws Exception {
        Escalation e = escalations.open("grief", "u_9", RiskLevel.IMMINENT, EscalationSource.KEYWORD, "x");
        escalations.open("grief", "u_8", RiskLevel.HIGH, EscalationSource.KEYWORD, "y");
        Harness.drain(watcher);
        assertEquals(0, escalations.reannounceUnclaimed(120_000), "not yet due");
        now.addAndGet(120_000);
        assertEquals(1, escalations.reannounceUnclaimed(120_000), "only the imminent one");
        assertEquals(e.id(), Harness.drain(watcher).get(0).path("escalation").asText());
        escalations.claim(e.id(), "alex");
        Harness.drain(watcher);
        now.addAndGet(120_000);
        assertEquals(0, escalations.reannounceUnclaimed(120_000), "claimed: quiet");
        assertTrue(escalations.resolve(e.id(), "sam", ResolveOutcome.HANDED_OFF, null).isPresent(),
                "any moderator may resolve");
    }
}
