package org.kindred.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The one set of Redis client options (the broker's link and the staff events use it): what each
 * option is set to. Why auto-reconnect is off is shown against a real Redis by the broker's
 * {@code LettuceReplayTest}.
 */
class RedisOptionsTest {

    @Test
    void noReplayNoQueueAndEveryCommandAndConnectBoundedByTheTimeout() {
        ClientOptions o = RedisOptions.of(Duration.ofMillis(1_500));
        assertFalse(o.isAutoReconnect(), "each owner's keeper reconnects, without replaying commands");
        assertEquals(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS, o.getDisconnectedBehavior());
        TimeoutOptions t = o.getTimeoutOptions();
        assertTrue(t.isTimeoutCommands());
        assertEquals(1_500, t.getSource().getTimeUnit().toMillis(t.getSource().getTimeout(null)));
        assertEquals(Duration.ofMillis(1_500), o.getSocketOptions().getConnectTimeout());
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RedisOptions.of(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RedisOptions.of(Duration.ofSeconds(-1)));
    }
}
