package org.kindred.server.broker.redis;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's Redis engines, made and closed together: its {@link RedisLink}, and the
 * {@link RedisHistory}, {@link RedisBroker}, {@link RedisPresence}, {@link RedisReactions} and
 * {@link RedisRestrictions} over it, all under one key
 * prefix shared by the nodes. The node gets a random id. Nothing here logs the URL or password.
 */
public final class RedisEngines implements AutoCloseable {
    /** The keys' prefix every node uses. */
    public static final String PREFIX = "kindred:";
    /** How long one Redis command may take before it fails. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** How long a killed node's members stay listed at most, ms. */
    public static final long NODE_TTL_MS = 10_000;
    /** How long a session taken over by another node stays marked as such in Redis, ms. */
    public static final long TAKEN_MARKER_MS = 3600_000L;
    private static final Logger LOG = LoggerFactory.getLogger(RedisEngines.class);

    private final String nodeId = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final RedisLink link;
    private final RedisHistory history;
    private final RedisBroker broker;
    private final RedisPresence presence;
    private final RedisReactions reactions;
    private final RedisParking parking;
    private final RedisRestrictions restrictions;
    private final String prefix;

    /**
     * Connects (or keeps trying in the background while Redis is unreachable).
     *
     * @param url {@code redis://host:port[/db]}, checked by {@code config.RedisUrl}
     * @param password a password not in the URL, or null
     * @param prefix the keys' prefix (the same on every node)
     * @param historySize messages kept per room, {@code >= 0}
     * @param historyMaxAgeMillis how long a message is kept, ms
     * @param nodeTtlMillis how long a dead node's members stay listed, ms, {@code >= 300}
     * @param mustNotWait the threads that must never wait for Redis (the event loops)
     */
    public RedisEngines(String url, String password, String prefix, int historySize, long historyMaxAgeMillis,
            long nodeTtlMillis, Predicate<Thread> mustNotWait) {
        this.link = new RedisLink(url, password, COMMAND_TIMEOUT);
        this.prefix = prefix;
        link.refuseWaitingOn(mustNotWait);
        this.history = new RedisHistory(link, prefix, historySize, historyMaxAgeMillis);
        this.broker = new RedisBroker(link, history, nodeId, Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.presence = new RedisPresence(link, prefix, nodeId, nodeTtlMillis);
        this.parking = new RedisParking(link, prefix, TAKEN_MARKER_MS);
        this.reactions = new RedisReactions(link, history);
        this.restrictions = broker.restrictions();
        LOG.info("redis engines node={} connected={}", nodeId, link.isUp());
    }

    public RedisLink link() {
        return link;
    }

    public RedisHistory history() {
        return history;
    }

    public RedisBroker broker() {
        return broker;
    }

    public RedisPresence presence() {
        return presence;
    }

    /** The messages' reactions, shared by the nodes, following {@link #history()}. */
    public RedisReactions reactions() {
        return reactions;
    }

    /** The rooms' lock, slow mode, mutes and kick cool-offs, shared by the nodes. */
    public RedisRestrictions restrictions() {
        return restrictions;
    }

    /**
     * Send allowances per member and per network fingerprint, shared by the nodes (see
     * {@link RedisRateLimits} for the arguments). Give them to {@link RedisBroker#shareRates} to have
     * each post take its allowance in its publish script.
     */
    public RedisRateLimits rateLimits(int memberBurst, double memberRatePerSecond, int networkBurst,
            double networkRatePerSecond) {
        return new RedisRateLimits(link, prefix, memberBurst, memberRatePerSecond, networkBurst,
                networkRatePerSecond);
    }

    /**
     * New sessions per network fingerprint, shared by the nodes: {@code burst} at once, then
     * {@code perSecond} (see {@link RedisAllowance}; keys {@code {rate}:s:<fingerprint>}).
     */
    public RedisAllowance newSessions(int burst, double perSecond) {
        return new RedisAllowance(link, prefix, "s", burst, perSecond);
    }

    /** Where members' sessions are recorded for a resume (or a takeover) on any node. */
    public RedisParking parking() {
        return parking;
    }

    /** This node's id among the nodes. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Whether Redis answers now: both connections open and a {@code PING} answered within the
     * command timeout. Waits: not on an event loop.
     */
    public boolean isUp() {
        if (!link.isUp()) {
            return false;
        }
        try {
            return "PONG".equals(link.sync().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops delivering and refreshing, then closes the connections. */
    @Override
    public void close() {
        presence.close();
        broker.close();
        link.close();
    }
}
