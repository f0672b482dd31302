package org.kindred.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.broker.redis.RedisEngines;
import org.kindred.server.common.NamedThreads;
import org.kindred.server.common.SerialExecutor;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomParts;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.NickRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the rooms' engines and owners. Without {@code redis}: one node, broker, presence and
 * history in memory, each room owned by an event loop. With it: the node's {@link RedisEngines},
 * and each room owned by a {@link SerialExecutor} over the {@code kindred-room-*} workers (its
 * engine calls may wait for Redis, which an event loop must never do); every Netty thread is
 * refused waiting Redis calls, and every half TTL the rooms sweep (see {@link Room#sweep}).
 */
final class RoomSetup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomSetup.class);

    /**
     * How a node meets the others in Redis.
     *
     * @param password the Redis password when not in the URL, or null (never logged)
     * @param prefix the keys' prefix, the same on every node
     * @param nodeTtlMillis how long a dead node's members stay listed, ms
     */
    record Cluster(String password, String prefix, long nodeTtlMillis) {
        static final Cluster DEFAULT = new Cluster(null, RedisEngines.PREFIX, RedisEngines.NODE_TTL_MS);
    }

    private final RoomRegistry rooms;
    private final RedisEngines engines;
    private final ExecutorService workers;
    private final long nodeTtlMillis;
    /** Staff changes and console events between the nodes (bans, mutes, mod.* events); loopback on one node. */
    private final org.kindred.server.events.ClusterEvents staffEvents;
    /** The sessions recorded in Redis (a cluster), or null. */
    private volatile org.kindred.server.session.SessionRegistry shared;

    private RoomSetup(RoomRegistry rooms, RedisEngines engines, ExecutorService workers, long nodeTtlMillis,
            org.kindred.server.events.ClusterEvents staffEvents) {
        this.rooms = rooms;
        this.engines = engines;
        this.workers = workers;
        this.nodeTtlMillis = nodeTtlMillis;
        this.staffEvents = staffEvents;
    }

    /**
     * Builds the rooms of {@code config}.
     *
     * @param nextLoop the next event loop, for rooms without Redis
     */
    static RoomSetup build(KindredConfig config, Cluster cluster, Supplier<java.util.concurrent.Executor> nextLoop,
            ProtocolCodec codec, Metrics metrics, NickRules nicks, LongSupplier clock) {
        long ageMs = config.historyMaxAgeSeconds() * 1000L;
        if (config.redis() == null) {
            RoomParts parts = RoomParts.inMemory(codec, metrics, nicks, config.historySize(), ageMs, clock);
            return new RoomSetup(new RoomRegistry(config.rooms(), rc -> new Room(rc, nextLoop.get(), parts)), null,
                    null, 0, org.kindred.server.events.ClusterEvents.local());
        }
        RedisEngines engines = new RedisEngines(config.redis(), cluster.password(), cluster.prefix(),
                config.historySize(), ageMs, cluster.nodeTtlMillis(),
                t -> t instanceof io.netty.util.concurrent.FastThreadLocalThread);
        RoomParts parts = RoomParts.over(engines, codec, metrics, nicks, clock);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime()
                .availableProcessors()), NamedThreads.numbered("kindred-room"));
        RoomRegistry rooms = new RoomRegistry(config.rooms(), rc -> new Room(rc, new SerialExecutor(workers), parts),
                parts.presence());
        io.lettuce.core.RedisURI uri = io.lettuce.core.RedisURI.create(config.redis());
        if (cluster.password() != null) {
            uri.setAuthentication(cluster.password().toCharArray());
        }
        org.kindred.server.events.ClusterEvents staffEvents = org.kindred.server.events.RedisClusterEvents.connect(uri,
                cluster.prefix() + "staff-events", RedisEngines.COMMAND_TIMEOUT);
        return new RoomSetup(rooms, engines, workers, cluster.nodeTtlMillis(), staffEvents);
    }

    RoomRegistry rooms() {
        return rooms;
    }

    /** How staff changes reach the other nodes: over Redis with {@code redis}, else loopback. */
    org.kindred.server.events.ClusterEvents staffEvents() {
        return staffEvents;
    }

    /** The Redis engines, or null on one node in memory. */
    RedisEngines engines() {
        return engines;
    }

    /** Whether the rooms' engines answer now (always, in memory). Waits for Redis: not on an event loop. */
    boolean ready() {
        return engines == null || engines.isUp() && staffEvents.isUp();
    }

    /**
     * With Redis, has every post take the send allowances of {@code moderation}, shared by the
     * nodes, in its publish script (when its stages limit the rate at all); on one node the
     * pipeline's own buckets are the only ones.
     */
    void shareRates(org.kindred.server.moderation.ModerationConfig moderation) {
        if (engines != null && moderation.stages().contains(org.kindred.server.moderation.StageName.RATE)) {
            engines.broker().shareRates(engines.rateLimits(moderation.memberBurst(), moderation.memberRatePerSecond(),
                    moderation.networkBurst(), moderation.networkRatePerSecond()));
        }
    }

    /**
     * New sessions per network fingerprint: with Redis shared by the nodes (each node's own
     * buckets while Redis cannot answer), else this node's buckets.
     */
    org.kindred.server.session.NewSessions newSessions(org.kindred.server.session.SessionLimits limits) {
        org.kindred.server.session.NewSessionLimiter local = new org.kindred.server.session.NewSessionLimiter(limits);
        if (engines == null) {
            return local;
        }
        org.kindred.server.broker.redis.RedisAllowance shared =
                engines.newSessions(limits.newBurst(), limits.newPerMinute() / 60.0);
        return ((org.kindred.server.session.NewSessions) shared::take).orElse(local);
    }

    /**
     * With Redis, records members' sessions there (connected, and for {@code windowMillis} once
     * dropped), so they resume on any node, even when the node they were on dies.
     */
    void shareSessions(org.kindred.server.session.SessionRegistry sessions, long windowMillis) {
        if (engines != null) {
            sessions.share(new org.kindred.server.session.ParkedSessions(engines.parking(), engines.nodeId(),
                    windowMillis));
            this.shared = sessions;
        }
    }

    /**
     * With Redis, reserves the rooms' message numbers in {@code floors} from now on, on
     * {@code blocking} (the store's threads), so {@code seq} never goes backwards when Redis and
     * every node restart. Before the port opens: no message is published earlier.
     */
    void useFloors(org.kindred.server.store.SeqFloorStore floors, java.util.concurrent.Executor blocking) {
        if (engines != null) {
            engines.broker().useFloors(floors, blocking);
        }
    }

    /** With Redis, sweeps the configured rooms every half TTL on {@code scheduler}. */
    void startSweeps(ScheduledExecutorService scheduler) {
        if (engines == null) {
            return;
        }
        long period = Math.max(100, nodeTtlMillis / 2);
        scheduler.scheduleWithFixedDelay(() -> rooms.all().forEach(r -> r.sweep(nodeTtlMillis)), period, period,
                TimeUnit.MILLISECONDS);
        org.kindred.server.session.SessionRegistry sessions = shared;
        if (sessions != null) { // sessions' records: every few minutes, and after Redis came back
            scheduler.scheduleWithFixedDelay(() -> sessions.shared().refresh(sessions.all(),
                    System.currentTimeMillis()), period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the workers and closes the engines and the staff events. */
    @Override
    public void close() {
        try {
            staffEvents.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the staff events failed: {}", e.getClass().getSimpleName());
        }
        if (workers != null) {
            workers.shutdown();
        }
        if (engines != null) {
            try {
                engines.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the redis engines failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
