package org.kindred.server.common;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;

/**
 * The Lettuce client options of every Redis client the server opens (the broker's {@code RedisLink}
 * and the staff events' {@code RedisClusterEvents}), written once here, where both may depend on
 * them: no auto-reconnect (Lettuce would write the commands in flight when a connection dropped again
 * on the new one: a publish script run twice, one message numbered and delivered twice), commands
 * rejected at once while disconnected (never queued to be replayed later), and every command and
 * connect bounded by the timeout. Each owner reconnects with its own keeper thread instead.
 */
public final class RedisOptions {
    private RedisOptions() {
    }

    /**
     * The options for one client.
     *
     * @param timeout how long one command, or opening a connection, may take; {@code > 0}
     * @return new, immutable client options
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public static ClientOptions of(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        return ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build();
    }
}
