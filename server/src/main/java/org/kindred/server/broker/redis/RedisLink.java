package org.kindred.server.broker.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.kindred.server.common.RedisOptions;

/**
 * A node's two connections to Redis: one for commands, one for pub/sub. Neither is
 * reconnected by Lettuce: with Lettuce's own reconnection, a command written just before the
 * connection dropped is written again after it comes back (at-least-once), and a publish script
 * run twice would number and deliver one message twice. Here a dropped connection fails its
 * commands (the caller sees the error and nothing is replayed); while it is down, commands fail
 * at once ({@code REJECT_COMMANDS}); a keeper thread opens a new one every
 * {@link #RECONNECT_MS} ms, and on a new pub/sub connection subscribes the channels again and
 * runs the {@linkplain #onResubscribed resubscription hook} (the broker catches up from the
 * rooms' streams there). Thread-safe.
 *
 * <p>Waiting calls ({@link #sync()}, {@link #run}) are refused on threads the
 * {@linkplain #refuseWaitingOn guard} names (the server's event loops, Lettuce's I/O threads):
 * they throw {@link IllegalStateException} and are counted ({@link #refusedWaits()}), so a
 * mistake shows in tests instead of holding a loop. {@link #runAsync} never waits.
 *
 * <p>This class sends the commands and counts them (those that never wait through
 * {@link NoWaitCommands}); keeping the connections open is {@link LinkConnections}'s part, and
 * refusing waits on guarded threads {@link WaitGuard}'s.
 */
public final class RedisLink implements AutoCloseable {
    /** How often the keeper checks the connections and reopens a dropped one, ms. */
    public static final long RECONNECT_MS = 250;

    private final LinkConnections connections;
    private final WaitGuard guard = new WaitGuard();
    private final AtomicLong commandsSent = new AtomicLong();
    private final NoWaitCommands noWait;

    /**
     * Connects (or keeps trying in the background when Redis is not reachable yet).
     *
     * @param uri {@code redis://host:port} (optionally with a database and credentials)
     * @param timeout how long one command may take before it fails, {@code > 0}
     */
    public RedisLink(String uri, Duration timeout) {
        this(uri, null, timeout);
    }

    /**
     * Connects with a password that is not in the URL (never logged).
     *
     * @param uri {@code redis://host:port} (optionally with a database)
     * @param password the password to authenticate with, or null for the URL's own (or none)
     * @param timeout how long one command may take before it fails, {@code > 0}
     */
    public RedisLink(String uri, String password, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        RedisURI u = RedisURI.create(uri);
        if (password != null) {
            u.setAuthentication(password.toCharArray());
        }
        u.setTimeout(timeout);
        RedisClient client = RedisClient.create(u);
        client.setOptions(RedisOptions.of(timeout)); // no auto-reconnect: see RedisOptions
        connections = new LinkConnections(client, timeout);
        noWait = new NoWaitCommands(connections, commandsSent);
    }

    /** Receives every pub/sub message (channel, payload), on Lettuce's I/O thread: hand it on, do not work there. */
    void listen(BiConsumer<String, String> listener) {
        connections.listen(listener);
    }

    /** Runs after the channels were subscribed again on a new pub/sub connection (on the keeper thread). */
    void onResubscribed(Runnable hook) {
        connections.onResubscribed(hook);
    }

    /** Runs {@code hook} on every command connection replacing a lost one, first ({@link LinkConnections#whenReplaced}). */
    void whenReplaced(Function<RedisAsyncCommands<String, String>, CompletableFuture<?>> hook) {
        connections.whenReplaced(hook);
    }

    /** The keeper's scheduler, for small periodic jobs (e.g. presence heartbeats). */
    ScheduledExecutorService scheduler() {
        return connections.scheduler();
    }

    /**
     * Counts the command connections opened so far: equal before and after some work means
     * every command of that work went to one connection, so to one Redis process (a restarted
     * Redis is reached only through a new connection).
     */
    long generation() {
        return connections.generation();
    }

    /** Whether both connections are up now. */
    public boolean isUp() {
        return connections.isUp();
    }

    /**
     * Names the threads that must never wait for Redis (e.g. every Netty event-loop thread); a
     * waiting call on one of them is refused and counted.
     */
    public void refuseWaitingOn(Predicate<Thread> threads) {
        guard.refuseOn(threads);
    }

    /** How many waiting calls were refused on a guarded thread (0 unless something is wrong). */
    public long refusedWaits() {
        return guard.refused();
    }

    /** How many waiting calls were made (on allowed threads); for tests showing the guard ran. */
    public long waits() {
        return guard.waits();
    }

    /**
     * How many commands this node started on its command connection (each one round trip to
     * Redis), waiting or not; subscriptions are not counted. For tests and measurements.
     */
    public long commandsSent() {
        return commandsSent.get();
    }

    /**
     * The command interface, for calls that wait for their reply.
     *
     * @throws io.lettuce.core.RedisException (unchecked) when Redis is not reachable now
     * @throws IllegalStateException on a thread that must not wait (see {@link #refuseWaitingOn})
     */
    RedisCommands<String, String> sync() {
        guard.enter();
        commandsSent.incrementAndGet();
        StatefulRedisConnection<String, String> c = connections.commands();
        if (c == null) {
            throw NoWaitCommands.unreachable();
        }
        return c.sync();
    }

    /** Publishes without waiting for the reply, after every command this thread sent before. Best effort. */
    void publishLater(String channel, String payload) {
        noWait.publish(channel, payload);
    }

    /** Runs {@code script} (by its digest, loading it when Redis does not know it). */
    <T> T run(Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisCommands<String, String> c = sync();
        try {
            return c.evalsha(script.sha(), type, keys, args);
        } catch (RedisNoScriptException e) {
            return c.eval(script.text(), type, keys, args);
        }
    }

    /**
     * Runs {@code script} without waiting: the future completes on Lettuce's I/O thread (hand
     * work on, do not block there), or exceptionally at once when Redis is unreachable and after
     * the command timeout when it does not answer. Commands sent from one thread are written in
     * that order. The script should be {@linkplain #preload preloaded}: a script Redis does not
     * know is sent again in full, which may let a later command overtake it.
     */
    <T> CompletableFuture<T> runAsync(Script script, ScriptOutputType type, String[] keys, String... args) {
        return runAsyncOn(-1, script, type, keys, args);
    }

    /**
     * {@link #runAsync} only on the connection of {@link #generation()} {@code expected} (any
     * when negative): fails at once with {@link io.lettuce.core.RedisConnectionException} when
     * another connection has replaced it, so the script cannot reach a Redis other than the one
     * the caller looked at.
     */
    <T> CompletableFuture<T> runAsyncOn(long expected, Script script, ScriptOutputType type, String[] keys,
            String... args) {
        return noWait.run(expected, script, type, keys, args);
    }

    /** Loads {@code script} into Redis now if connected, and again on every new connection. */
    void preload(Script script) {
        connections.preload(script);
    }

    /** Sets {@code key} to {@code value} for {@code ttlMillis} without waiting for the reply. Best effort. */
    void setLater(String key, String value, long ttlMillis) {
        noWait.set(key, value, ttlMillis);
    }

    /**
     * Takes {@code key} without waiting: {@code GETDEL}, so of several takers at most one gets
     * the value. Completes with null when absent, exceptionally when Redis is unreachable.
     */
    CompletableFuture<String> takeAsync(String key) {
        return noWait.take(key);
    }

    /** Reads {@code key} without waiting: completes with null when absent, exceptionally when Redis is unreachable. */
    CompletableFuture<String> getAsync(String key) {
        return noWait.get(key);
    }

    /** Subscribes {@code channel} now if connected, else when the pub/sub connection is back. */
    void subscribe(String channel) {
        connections.subscribe(channel);
    }

    /** Stops receiving {@code channel}. */
    void unsubscribe(String channel) {
        connections.unsubscribe(channel);
    }

    /** Closes both connections and the client. */
    @Override
    public void close() {
        connections.close();
    }
}
