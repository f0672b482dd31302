package org.kindred.server.room;

import java.util.function.LongSupplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.History;
import org.kindred.server.broker.MemoryBroker;
import org.kindred.server.broker.MemoryHistory;
import org.kindred.server.broker.MemoryPresence;
import org.kindred.server.broker.MemoryReactions;
import org.kindred.server.broker.Presence;
import org.kindred.server.broker.Reactions;
import org.kindred.server.broker.Restrictions;
import org.kindred.server.broker.redis.RedisEngines;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.NickRules;

/**
 * What every room of a node shares: the {@link Broker} that numbers and carries room events,
 * {@link Presence}, {@link History}, this node's {@link LocalHub} (the broker's subscriber),
 * the nickname rules, metrics, the clock (epoch ms), the messages' {@link Reactions} and the
 * rooms' {@link Restrictions} (lock, slow mode, mutes, kick cool-offs).
 *
 * <p>{@code remote} says the engines do network I/O (Redis, several nodes): their calls may wait,
 * so a room's owner must then be a worker that may wait, never an event loop; and the broker
 * delivers on threads of its own, so each room hands its events back to its owner before they
 * reach the {@link LocalHub}.
 */
public record RoomParts(Broker broker, Presence presence, History history, LocalHub hub, NickRules nicks,
        Metrics metrics, LongSupplier clock, Reactions reactions, boolean remote, Restrictions restrictions) {

    /** Checks that {@code restrictions} are the ones the broker's posts are checked against. */
    public RoomParts {
        if (broker.restrictions() != restrictions) {
            throw new IllegalArgumentException("restrictions: " + restrictions + " (expected: the broker's)");
        }
    }

    /** With the broker's restrictions. */
    public RoomParts(Broker broker, Presence presence, History history, LocalHub hub, NickRules nicks,
            Metrics metrics, LongSupplier clock, Reactions reactions, boolean remote) {
        this(broker, presence, history, hub, nicks, metrics, clock, reactions, remote, broker.restrictions());
    }

    /** With reactions kept in memory, following {@code history}; engines in this process. */
    public RoomParts(Broker broker, Presence presence, History history, LocalHub hub, NickRules nicks,
            Metrics metrics, LongSupplier clock) {
        this(broker, presence, history, hub, nicks, metrics, clock, new MemoryReactions(history), false);
    }

    /** With engines in this process ({@code remote} false). */
    public RoomParts(Broker broker, Presence presence, History history, LocalHub hub, NickRules nicks,
            Metrics metrics, LongSupplier clock, Reactions reactions) {
        this(broker, presence, history, hub, nicks, metrics, clock, reactions, false);
    }

    /**
     * All in memory, for one node: histories of {@code historySize} messages at most, none
     * older than {@code historyMaxAgeMillis}.
     */
    public static RoomParts inMemory(ProtocolCodec codec, Metrics metrics, NickRules nicks, int historySize,
            long historyMaxAgeMillis, LongSupplier clock) {
        History history = new MemoryHistory(historySize, historyMaxAgeMillis);
        return new RoomParts(new MemoryBroker(history), new MemoryPresence(), history, new LocalHub(codec, metrics),
                nicks, metrics, clock);
    }

    /**
     * Over Redis, for one of several nodes: {@code engines}' broker, presence, history,
     * reactions and restrictions (shared by the nodes), and {@code remote} set (rooms must then run on workers
     * that may wait, never on event loops).
     */
    public static RoomParts over(RedisEngines engines, ProtocolCodec codec, Metrics metrics, NickRules nicks,
            LongSupplier clock) {
        return new RoomParts(engines.broker(), engines.presence(), engines.history(), new LocalHub(codec, metrics),
                nicks, metrics, clock, engines.reactions(), true, engines.restrictions());
    }
}
