package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What every {@link NewSessions} guarantees. An implementation's test extends this. */
public abstract class NewSessionsContract {
    /** The limits every implementation under test is made with: 3 at once, then one a second. */
    protected static final SessionLimits LIMITS = new SessionLimits(3, 60, 10, 6);
    protected final long t = System.currentTimeMillis();

    /** Fresh allowances for {@link #LIMITS}, sharing nothing with earlier ones. */
    protected abstract NewSessions newSessions();

    protected static long take(NewSessions n, String fingerprint, long now) {
        return n.take(fingerprint, now).toCompletableFuture().join();
    }

    @Test
    void aNetworkOpensItsBurstThenOneAtTheConfiguredRate() {
        NewSessions n = newSessions();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, take(n, "net-a", t), "session " + i);
        }
        long wait = take(n, "net-a", t);
        assertTrue(wait > 0 && wait <= 1000, "one a second after the burst: " + wait);
        assertEquals(wait, take(n, "net-a", t), "a refusal takes nothing");
        assertEquals(0, take(n, "net-a", t + 1000));
        assertTrue(take(n, "net-a", t + 1000) > 0, "and only one");
    }

    @Test
    void networksAreIndependentAndNoAddressIsNeverLimited() {
        NewSessions n = newSessions();
        for (int i = 0; i < 3; i++) {
            take(n, "net-a", t);
        }
        assertTrue(take(n, "net-a", t) > 0);
        assertEquals(0, take(n, "net-b", t), "another network has its own allowance");
        for (int i = 0; i < 10; i++) {
            assertEquals(0, take(n, null, t), "no address, no limit");
        }
    }

    @Test
    void whenTheSharedAllowanceCannotBeReadTheFallbackDecides() {
        NewSessions failing = (fingerprint, now) -> CompletableFuture.failedFuture(new IllegalStateException("down"));
        NewSessions n = failing.orElse(newSessions());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, take(n, "net-a", t));
        }
        assertTrue(take(n, "net-a", t) > 0, "limited by the fallback");
        NewSessions throwing = (fingerprint, now) -> {
            throw new IllegalStateException("down at once");
        };
        assertEquals(0, take(throwing.orElse(newSessions()), "net-a", t));
    }
}
