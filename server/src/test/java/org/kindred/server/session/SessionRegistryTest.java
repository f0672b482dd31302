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
        registry.attach(s, c2);
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
}
