package org.kindred.server.broker.redis;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of a {@link RedisLink} that never wait, on whatever thread: each is written to the
 * command connection open now and either completes a future later (on Lettuce's I/O thread: hand work
 * on, do not block there) or is best effort (a failure is logged at debug, by exception type only).
 * With no connection open, a future fails at once with {@link RedisConnectionException} and a best-effort
 * command is dropped. Commands sent from one thread are written in that order. Each command sent counts
 * in the link's {@code commandsSent}. Thread-safe.
 */
final class NoWaitCommands {
    private static final Logger LOG = LoggerFactory.getLogger(NoWaitCommands.class);

    private final LinkConnections connections;
    private final AtomicLong commandsSent;

    /**
     * @param connections the link's connections
     * @param commandsSent the link's count of commands sent, raised by one a command
     */
    NoWaitCommands(LinkConnections connections, AtomicLong commandsSent) {
        this.connections = connections;
        this.commandsSent = commandsSent;
    }

    /** The error of a command asked for while no command connection is open. */
    static RedisConnectionException unreachable() {
        return new RedisConnectionException("redis is unreachable");
    }

    /**
     * Runs {@code script} by its digest (sent again in full when Redis does not know it, which may let a later
     * command overtake it), only on the connection of generation {@code expected} (any when negative): fails
     * at once when another connection has replaced it, so the script cannot reach a Redis other than the one
     * the caller looked at. See {@link RedisLink#runAsyncOn}.
     */
    <T> CompletableFuture<T> run(long expected, Script script, ScriptOutputType type, String[] keys,
            String... args) {
        StatefulRedisConnection<String, String> c = connections.commands();
        if (expected >= 0 && connections.generation() != expected) { // read after c: a newer c has a newer generation
            return CompletableFuture.failedFuture(new RedisConnectionException("the redis connection was replaced"));
        }
        if (c == null) {
            return CompletableFuture.failedFuture(unreachable());
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        commandsSent.incrementAndGet();
        c.async().<T>evalsha(script.sha(), type, keys, args).whenComplete((v, e) -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause == null) {
                out.complete(v);
            } else if (cause instanceof RedisNoScriptException && c.isOpen()) {
                commandsSent.incrementAndGet();
                c.async().<T>eval(script.text(), type, keys, args).whenComplete((v2, e2) -> {
                    if (e2 == null) {
                        out.complete(v2);
                    } else {
                        out.completeExceptionally(e2);
                    }
                });
            } else {
                out.completeExceptionally(cause);
            }
        });
        return out;
    }

    /** {@code PUBLISH}es {@code payload} on {@code channel}. Best effort. */
    void publish(String channel, String payload) {
        bestEffort(c -> c.publish(channel, payload), "a room event was not published: {}");
    }

    /** Sets {@code key} to {@code value} for {@code ttlMillis} ms. Best effort. */
    void set(String key, String value, long ttlMillis) {
        bestEffort(c -> c.psetex(key, ttlMillis, value), "a key was not set: {}");
    }

    /** {@code GETDEL key}: of several takers at most one gets the value; null when absent. */
    CompletableFuture<String> take(String key) {
        return reply(c -> c.getdel(key));
    }

    /** {@code GET key}: null when absent. */
    CompletableFuture<String> get(String key) {
        return reply(c -> c.get(key));
    }

    private void bestEffort(Function<RedisAsyncCommands<String, String>, RedisFuture<?>> command, String failed) {
        StatefulRedisConnection<String, String> c = connections.commands();
        if (c == null) {
            return;
        }
        commandsSent.incrementAndGet();
        command.apply(c.async()).exceptionally(e -> {
            LOG.debug(failed, e.getClass().getSimpleName());
            return null;
        });
    }

    private CompletableFuture<String> reply(Function<RedisAsyncCommands<String, String>, RedisFuture<String>> command) {
        StatefulRedisConnection<String, String> c = connections.commands();
        if (c == null) {
            return CompletableFuture.failedFuture(unreachable());
        }
        commandsSent.incrementAndGet();
        return command.apply(c.async()).toCompletableFuture();
    }
}
