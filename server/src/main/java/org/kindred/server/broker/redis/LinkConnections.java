package org.kindred.server.broker.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.kindred.server.common.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of {@link RedisLink} that keeps its two connections open: one for commands, one for
 * pub/sub, neither reconnected by Lettuce (see {@link RedisLink} for why). A keeper thread
 * ({@code kindred-redis-keeper}) opens a dropped connection again every
 * {@link RedisLink#RECONNECT_MS} ms; on a new command connection it loads the preloaded scripts
 * and runs the {@linkplain #whenReplaced replacement hooks} (when it replaces one) before anyone
 * can use it, and counts a new {@linkplain #generation generation}; on a new pub/sub
 * connection it subscribes the channels again and runs the resubscription hook. Thread-safe.
 */
final class LinkConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkConnections.class);

    private final RedisClient client;
    private final ScheduledExecutorService keeper;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Set<Script> scripts = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile BiConsumer<String, String> listener = (c, m) -> { };
    private volatile Runnable onResubscribed = () -> { };
    private final List<Function<RedisAsyncCommands<String, String>, CompletableFuture<?>>> onReplaced =
            new CopyOnWriteArrayList<>();
    private final Duration timeout;
    private volatile boolean closed;

    /**
     * Connects now (or keeps trying in the background when Redis is not reachable yet).
     *
     * @param client the client, with the link's options set; closed by {@link #close}
     * @param timeout how long one command may take (the replacement hooks get twice that)
     */
    LinkConnections(RedisClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
        keeper = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("kindred-redis-keeper"));
        keep();
        keeper.scheduleWithFixedDelay(this::keep, RedisLink.RECONNECT_MS, RedisLink.RECONNECT_MS,
                TimeUnit.MILLISECONDS);
    }

    /** The command connection now, or null while there is none open. */
    StatefulRedisConnection<String, String> commands() {
        StatefulRedisConnection<String, String> c = commands;
        return c != null && c.isOpen() ? c : null;
    }

    /** How many command connections were opened so far (see {@link RedisLink#generation}). */
    long generation() {
        return generation.get();
    }

    /** Whether both connections are up now. */
    boolean isUp() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> p = pubsub;
        return c != null && c.isOpen() && p != null && p.isOpen();
    }

    /** The keeper's scheduler, for small periodic jobs. */
    ScheduledExecutorService scheduler() {
        return keeper;
    }

    /** Receives every pub/sub message (channel, payload) on Lettuce's I/O thread. */
    void listen(BiConsumer<String, String> listener) {
        this.listener = listener;
    }

    /** Runs on the keeper thread after the channels were subscribed again on a new pub/sub connection. */
    void onResubscribed(Runnable hook) {
        this.onResubscribed = hook;
    }

    /**
     * Adds a hook run on the keeper thread with every command connection that replaces a lost one
     * (Redis may have restarted empty), after the preloaded scripts and before anything else can
     * use it: it sends its commands there and returns a stage completing when they are answered.
     * The connection waits for the hooks at most twice the command timeout; a failed hook is
     * logged and does not keep the connection from being used.
     */
    void whenReplaced(Function<RedisAsyncCommands<String, String>, CompletableFuture<?>> hook) {
        onReplaced.add(hook);
    }

    /** Loads {@code script} now if connected (without waiting), and on every new command connection. */
    void preload(Script script) {
        scripts.add(script);
        StatefulRedisConnection<String, String> c = commands();
        if (c != null) {
            c.async().scriptLoad(script.text());
        }
    }

    /** Subscribes {@code channel} now if connected (waits for Redis), else when pub/sub is back. */
    void subscribe(String channel) {
        channels.add(channel);
        StatefulRedisPubSubConnection<String, String> p = pubsub;
        if (p != null && p.isOpen()) {
            try {
                p.sync().subscribe(channel);
            } catch (RuntimeException e) {
                LOG.warn("redis subscription deferred until the connection is back: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Stops receiving {@code channel} (without waiting). */
    void unsubscribe(String channel) {
        channels.remove(channel);
        StatefulRedisPubSubConnection<String, String> p = pubsub;
        if (p != null && p.isOpen()) {
            p.async().unsubscribe(channel);
        }
    }

    private synchronized void keep() {
        if (closed) {
            return;
        }
        try {
            StatefulRedisConnection<String, String> c = commands;
            if (c == null || !c.isOpen()) { // isOpen turns false when the channel drops (no auto-reconnect)
                if (c != null) {
                    c.closeAsync();
                }
                commands = null;
                StatefulRedisConnection<String, String> n = client.connect();
                for (Script script : scripts) {
                    n.sync().scriptLoad(script.text()); // before anyone can send EVALSHA on it
                }
                if (generation.get() > 0) {
                    replaced(n);
                }
                generation.incrementAndGet();
                commands = n;
                LOG.info("redis command connection open");
                if (c != null) {
                    LOG.warn("redis command connection was lost and is open again");
                }
            }
            StatefulRedisPubSubConnection<String, String> p = pubsub;
            if (p == null || !p.isOpen()) {
                if (p != null) {
                    p.closeAsync();
                }
                pubsub = null;
                StatefulRedisPubSubConnection<String, String> n = client.connectPubSub();
                n.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        listener.accept(channel, message);
                    }
                });
                if (!channels.isEmpty()) {
                    n.sync().subscribe(channels.toArray(String[]::new));
                }
                pubsub = n;
                LOG.info("redis pub/sub connection open, {} channels", channels.size());
                if (p != null) {
                    onResubscribed.run();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("redis unreachable: {}", e.getClass().getSimpleName());
        }
    }

    /** Runs the replacement hooks on {@code n} and waits for them (bounded). */
    private void replaced(StatefulRedisConnection<String, String> n) {
        List<CompletableFuture<?>> sent = new java.util.ArrayList<>();
        for (Function<RedisAsyncCommands<String, String>, CompletableFuture<?>> hook : onReplaced) {
            try {
                sent.add(hook.apply(n.async()));
            } catch (RuntimeException e) {
                LOG.warn("a redis reconnection hook failed error={}", e.getClass().getSimpleName());
            }
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(2 * timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("what this node knew was not all written back to redis error={}", e.getClass().getSimpleName());
        }
    }

    /** Stops the keeper and closes both connections and the client. */
    @Override
    public synchronized void close() {
        closed = true;
        keeper.shutdownNow();
        if (commands != null) {
            commands.close();
        }
        if (pubsub != null) {
            pubsub.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
