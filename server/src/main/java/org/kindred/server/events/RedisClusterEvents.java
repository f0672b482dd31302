package org.kindred.server.events;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kindred.server.common.Ids;
import org.kindred.server.common.NamedThreads;
import org.kindred.server.common.RedisOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterEvents} over Redis pub/sub (Lettuce): every node publishes to and subscribes one
 * channel. Two connections per node, one for {@code PUBLISH}, one subscribed. Neither is
 * reconnected by Lettuce (no replay of buffered commands); a keeper thread checks them every
 * {@link #KEEP_MS} ms and opens a dropped one again. A new subscription is in place (synchronous
 * {@code SUBSCRIBE}) before listeners are told to {@linkplain Listener#resync resync}, so an event
 * published after the reload is never missed. A publish that fails (Redis unreachable, or this
 * node's link down) sets a flag; when the link is back the keeper publishes a resync request that
 * every node, this one included, turns into {@link Listener#resync()}.
 *
 * <p>On the wire each message is a small JSON object ({@link StaffEventWire}: a staff change, a
 * resync request or a {@link ConsoleEvent}; ids only, never a reason, nickname, text or address).
 * Redis pub/sub keeps nothing, so nothing of it outlives delivery; none of it is logged. Thread-safe.
 */
public final class RedisClusterEvents implements ClusterEvents {
    /** The channel used unless another is given. */
    public static final String DEFAULT_CHANNEL = "kindred:staff-events";
    /** How often the keeper checks the connections, ms. */
    public static final long KEEP_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(RedisClusterEvents.class);

    private final String nodeId = Ids.newId("node");
    private final String channel;
    private final RedisClient client;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery;
    private final ScheduledExecutorService keeper;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile boolean resyncOwed;
    private volatile boolean closed;

    /**
     * Connects to {@code redis://host:port} on {@link #DEFAULT_CHANNEL}, with a 2 s command timeout;
     * when Redis is not reachable yet, keeps trying in the background (and {@link #isUp()} is false).
     * This is the factory a node calls with its {@code --redis} setting.
     *
     * @throws IllegalArgumentException when {@code uri} is not a Redis URI
     */
    public static RedisClusterEvents connect(String uri) {
        return connect(RedisURI.create(uri), DEFAULT_CHANNEL, Duration.ofSeconds(2));
    }

    /**
     * As {@link #connect(String)}, with the channel and command timeout given.
     *
     * @param channel the pub/sub channel every node of the cluster uses (nodes of different
     *                clusters sharing one Redis need different channels)
     * @param timeout how long one command may take, &gt; 0
     */
    public static RedisClusterEvents connect(RedisURI uri, String channel, Duration timeout) {
        return new RedisClusterEvents(uri, channel, timeout);
    }

    private RedisClusterEvents(RedisURI uri, String channel, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        this.channel = Objects.requireNonNull(channel, "channel");
        RedisURI u = RedisURI.builder(uri).withTimeout(timeout).build();
        this.client = RedisClient.create(u);
        client.setOptions(RedisOptions.of(timeout));
        this.delivery = Executors.newSingleThreadExecutor(NamedThreads.daemon("kindred-staff-events"));
        this.keeper = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("kindred-staff-events-keeper"));
        keeper.execute(this::keep);
        keeper.scheduleWithFixedDelay(this::keep, KEEP_MS, KEEP_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(StaffChange change) {
        LocalClusterEvents.requireOrigin(nodeId, change.origin());
        send(StaffEventWire.encode(change));
    }

    @Override
    public void publishConsole(ConsoleEvent event) {
        LocalClusterEvents.requireOrigin(nodeId, event.origin());
        send(StaffEventWire.encode(event));
    }

    private void send(String payload) {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !c.isOpen()) {
            owe();
            return;
        }
        try {
            c.async().publish(channel, payload).exceptionally(e -> {
                owe();
                return null;
            });
        } catch (RuntimeException e) {
            owe();
        }
    }

    private void owe() {
        if (!closed && !resyncOwed) {
            resyncOwed = true;
            LOG.warn("a staff event could not be published; every node will be asked to resync when Redis is back");
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean reachesOtherNodes() {
        return true;
    }

    @Override
    public boolean isUp() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisPubSubConnection<String, String> p = pubsub;
        return c != null && c.isOpen() && p != null && p.isOpen();
    }

    private void received(String message) {
        StaffEventWire.Read read = StaffEventWire.decode(message);
        if (read instanceof StaffEventWire.Resync) {
            deliver(null);
        } else if (read instanceof StaffEventWire.Change c) {
            deliver(c.change());
        } else if (read instanceof StaffEventWire.Console c) {
            LocalClusterEvents.handOff(delivery, () -> LocalClusterEvents.deliver(listeners, c.event()),
                    "console event");
        } else if (read instanceof StaffEventWire.Malformed m && m.what() == null) {
            LOG.warn("ignored a staff event that is not JSON");
        } else if (read instanceof StaffEventWire.Malformed m) {
            LOG.warn("ignored a malformed {} error={}", m.what(), m.error());
        }
    }

    /** Hands a change (null: a resync) to every listener on the delivery thread. */
    private void deliver(StaffChange change) {
        LocalClusterEvents.handOff(delivery, () -> {
            if (change != null) {
                LocalClusterEvents.deliver(listeners, change);
                return;
            }
            for (Listener l : listeners) {
                try {
                    l.resync();
                } catch (RuntimeException e) {
                    LOG.warn("staff event resync failed error={}", e.getClass().getSimpleName());
                }
            }
        }, "staff event");
    }

    private synchronized void keep() {
        if (closed) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> p = pubsub;
            if (p == null || !p.isOpen()) {
                if (p != null) {
                    p.closeAsync();
                    LOG.warn("redis staff events subscription was lost; reconnecting");
                }
                pubsub = null;
                StatefulRedisPubSubConnection<String, String> n = client.connectPubSub();
                n.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String ch, String message) {
                        if (channel.equals(ch)) {
                            received(message);
                        }
                    }
                });
                n.sync().subscribe(channel); // in place before the reload below
                pubsub = n;
                LOG.info("redis staff events subscribed");
                deliver(null); // whatever was published while unsubscribed: reload from the store
            }
            StatefulRedisConnection<String, String> c = commands;
            if (c == null || !c.isOpen()) {
                if (c != null) {
                    c.closeAsync();
                }
                commands = null;
                commands = client.connect();
                LOG.info("redis staff events publish connection open");
            }
            if (resyncOwed) {
                commands.sync().publish(channel, StaffEventWire.resyncRequest(nodeId)); // throws while Redis is unreachable: owed still
                resyncOwed = false;
                LOG.info("asked every node to resync staff state");
            }
        } catch (RuntimeException e) {
            LOG.debug("redis unreachable for staff events: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        keeper.shutdownNow();
        delivery.shutdownNow();
        if (commands != null) {
            commands.close();
        }
        if (pubsub != null) {
            pubsub.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
