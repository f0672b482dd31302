package org.kindred.server.session;

import org.kindred.server.common.Ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.Connection;

class SessionRegistryTest {
    private final AtomicLong nanos = new AtomicLong(1);
    private final List<String> expired = new ArrayList<>();
    private final SessionRegistry registry = new SessionRegistry(Duration.ofMinutes(2), 10,
            s -> expired.add(s.memberId()), nanos::get);

    private Connection conn() {
        return new Connection(new EmbeddedChannel(), ProtocolCodec.shared(), new Metrics(), null,
                new Connection.Limits(60, 20, 5), 0);
    }

    @Test
    void aDetachedSessionExpiresWhenTheWindowEndsAndNotBefore() {
        Connection c = conn();
        SessionRegistry.Created created = registry.create(c, Role.MEMBER, null, "en", "GB", null, 0);
        registry.detach(c);
        nanos.addAndGet(Duration.ofSeconds(119).toNanos());
        registry.cleanUp();
        assertTrue(expired.isEmpty());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        registry.cleanUp();
        assertEquals(List.of(created.session().memberId()), expired);
        assertTrue(registry.claim(created.token(), conn()).isEmpty(), "cannot resume after the window");
        assertEquals(0, registry.size());
    }

    @Test
    void resumingStopsTheCountdown() {
        Connection c = conn();
        SessionRegistry.Created created = registry.create(c, Role.MEMBER, null, null, null, null, 0);
        registry.detach(c);
        nanos.addAndGet(Duration.ofSeconds(100).toNanos());
        Connection c2 = conn();
        Session s = registry.claim(created.token(), c2).orElseThrow().session();
        assertTrue(registry.attach(s, c2, () -> { }));
        nanos.addAndGet(Duration.ofSeconds(100).toNanos());
        registry.cleanUp();
        assertTrue(expired.isEmpty());
        assertEquals(c2, s.connection());
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsKept() {
        SessionRegistry.Created a = registry.create(conn(), Role.MEMBER, null, null, null, null, 0);
        SessionRegistry.Created b = registry.create(conn(), Role.MEMBER, null, null, null, null, 0);
        assertNotEquals(a.token(), b.token());
        assertNotEquals(a.session().memberId(), b.session().memberId());
        assertEquals(Ids.hash(a.token()), a.session().tokenHash());
        assertNotEquals(a.token(), a.session().tokenHash());
    }

    @Test
    void endingASessionTellsTheRoomsAtOnce() {
        SessionRegistry.Created a = registry.create(conn(), Role.MEMBER, null, null, null, null, 0);
        registry.end(a.session());
        assertEquals(List.of(a.session().memberId()), expired);
        assertTrue(a.session().isExpired());
    }

    @Test
    void aResumeRotatesTheTokenAndTheOldOneDiesAtOnce() {
        Connection c = conn();
        SessionRegistry.Created created = registry.create(c, Role.MEMBER, null, null, null, null, 0);
        registry.detach(c);
        Connection c2 = conn();
        SessionRegistry.Created resumed = registry.claim(created.token(), c2).orElseThrow();
        assertEquals(created.session(), resumed.session());
        assertNotEquals(created.token(), resumed.token());
        assertEquals(Ids.hash(resumed.token()), resumed.session().tokenHash());
        assertTrue(registry.attach(resumed.session(), c2, () -> { }));
        assertTrue(registry.claim(created.token(), conn()).isEmpty(), "the old token is dead");
        assertTrue(registry.peek(created.token()).isEmpty());
        assertEquals(resumed.session(), registry.peek(resumed.token()).orElseThrow());
    }

    @Test
    void ofConnectionsRacingWithOneTokenExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            SessionRegistry.Created created = registry.create(conn(), Role.MEMBER, null, null, null, null, 0);
            java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Connection c = conn();
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    registry.claim(created.token(), c).ifPresent(x -> wins.incrementAndGet());
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(1, wins.get());
        }
    }

    @Test
    void sessionLimitsReadTheirSectionAndSayWhatTheyExpected() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(SessionLimits.DEFAULTS, SessionLimits.from(json.readTree("{}")));
        assertEquals(new SessionLimits(5, 30, 10, 6), SessionLimits.from(json.readTree("{\"newBurst\":5}")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.kindred.server.config.ConfigException.class,
                () -> SessionLimits.from(json.readTree("{\"newBurst\":0}")));
        assertEquals("sessions.newBurst: 0 (expected: 1..100000)", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.kindred.server.config.ConfigException.class,
                () -> SessionLimits.from(json.readTree("{\"newBrust\":5}")));
        assertTrue(e.getMessage().startsWith("sessions.newBrust: unknown key, did you mean 'newBurst'? (expected: one of "), e.getMessage());
    }

    @Test
    void newSessionsPerFingerprintComeInABurstThenAtTheConfiguredRate() {
        NewSessionLimiter limiter = new NewSessionLimiter(new SessionLimits(3, 60, 10, 6));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.tryTake("net-a", 0));
        }
        long wait = limiter.tryTake("net-a", 0);
        assertTrue(wait > 0 && wait <= 1000, "one a second after the burst: " + wait);
        assertEquals(0, limiter.tryTake("net-b", 0), "another network has its own bucket");
        assertEquals(0, limiter.tryTake("net-a", 1000));
        assertEquals(0, limiter.tryTake(null, 0), "no address, no limit");
    }
}
