package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * Why {@link org.kindred.server.common.RedisOptions} turns Lettuce's reconnection off: a non-idempotent script in
 * flight when the connection drops. With Lettuce's defaults (auto-reconnect, commands kept while
 * disconnected) it runs again on the new connection, so a publish would be numbered and delivered
 * twice; with the link's options it fails and never runs. The same scenario, both ways, so the
 * check is shown to tell them apart.
 */
class LettuceReplayTest {
    private static final String INCR = "return redis.call('INCR', KEYS[1])";

    /** Sends INCR while Redis holds writes, kills the connection under it, and counts the runs. */
    private static long runsOfAScriptInFlightWhenItsConnectionDrops(RedisServer redis, ClientOptions options)
            throws Exception {
        RedisClient client = RedisClient.create(redis.uri());
        client.setOptions(options);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            String key = "replay:" + System.nanoTime();
            redis.command("CLIENT", "PAUSE", "1500", "WRITE"); // the script waits inside Redis
            CompletableFuture<Long> inFlight = c.async().<Long>eval(INCR, ScriptOutputType.INTEGER, key)
                    .toCompletableFuture();
            Thread.sleep(300);
            redis.command("CLIENT", "KILL", "TYPE", "normal"); // its connection drops mid-command
            redis.command("CLIENT", "UNPAUSE");
            try {
                inFlight.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // failed: what the link wants
            }
            Thread.sleep(1_000); // time for a reconnect and a replay
            String runs = redis.command("GET", key);
            return runs == null ? 0 : Long.parseLong(runs);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void lettucesDefaultsRunAnInFlightScriptTwiceTheLinksOptionsNever() throws Exception {
        try (RedisServer own = RedisServer.start()) {
            long withDefaults = runsOfAScriptInFlightWhenItsConnectionDrops(own, ClientOptions.create());
            assertEquals(1, withDefaults, "Lettuce's defaults replay the script after reconnecting: at least once");
            long withLink = runsOfAScriptInFlightWhenItsConnectionDrops(own, org.kindred.server.common.RedisOptions.of(Duration.ofSeconds(2)));
            assertEquals(0, withLink, "the link's options: it failed, and nothing is replayed");
            assertTrue(withDefaults > withLink);
        }
    }
}
