package org.kindred.server.broker.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kindred.protocol.MemberInfo;
import org.kindred.server.broker.Presence;

/**
 * {@link Presence} in Redis, shared by the nodes. Each member and each nickname claim belongs to
 * the node that made it; a node proves it lives by a key {@code node:<id>} that expires after
 * {@code ttlMillis} unless refreshed, which its {@link NodeHeartbeat} does every third of it (also
 * leaving the Redis time of the refresh under {@code nodeseen:<id>}, for {@link RedisParking}). Every
 * call is one Lua script ({@link PresenceScripts}) that first drops the members and claims of nodes
 * whose key has expired, so a killed node's members vanish at most {@code ttlMillis} after its last refresh (at most
 * {@code ttlMillis} after it died), as soon as anyone looks. That prune costs O(members of the
 * room) per call: fine for support groups of tens, not for rooms of thousands.
 *
 * <p>A node removes only members it owns: {@link #remove} of a member that another node added
 * since (it resumed there) changes nothing and returns empty; likewise it marks only its own
 * members {@linkplain #away away}. The away seats are one sorted set per room ({@code :away},
 * ordered by the join counter), so {@link #seated} and {@link #trimAway} count every node's
 * dropped members, and a dead node's away seats vanish with its other members. {@link #trimAway}
 * removes members whatever node seats them: that node learns it from the {@code leave} the
 * caller publishes.
 *
 * <p>A nickname claim checks and takes all its keys inside one script, so claims are atomic across
 * keys and nodes. Redis runs without persistence: after a Redis restart the rooms' presence is
 * empty until the nodes add their members again (left to the wiring). Errors: a
 * {@link io.lettuce.core.RedisException} (unchecked) when Redis is unreachable. Thread-safe.
 */
public final class RedisPresence implements Presence, AutoCloseable {
    private final RedisLink link;
    private final RedisKeys keys;
    private final String nodeId;
    private final long ttlMillis;
    private final ObjectMapper json = new ObjectMapper();
    private final NodeHeartbeat heartbeat;

    /**
     * Starts refreshing this node's liveness every {@code ttlMillis / 3}.
     *
     * @param link the node's connections
     * @param prefix the keys' prefix (the same on every node)
     * @param nodeId this node's id, unique among the nodes, without braces
     * @param ttlMillis how long a node's members outlive its last refresh, ms, {@code >= 300}
     */
    public RedisPresence(RedisLink link, String prefix, String nodeId, long ttlMillis) {
        if (ttlMillis < 300) {
            throw new IllegalArgumentException("ttlMillis: " + ttlMillis + " (expected: >= 300)");
        }
        this.link = link;
        this.keys = new RedisKeys(prefix);
        this.nodeId = nodeId;
        this.ttlMillis = ttlMillis;
        link.preload(MemberLookup.GET_ALL); // the console's queue reply: one round trip from the first
        this.heartbeat = new NodeHeartbeat(link, keys, nodeId, ttlMillis);
    }

    private <T> T run(Script s, ScriptOutputType type, String room, String op, String... args) {
        String[] argv = new String[4 + args.length];
        argv[0] = keys.nodePrefix();
        argv[1] = nodeId;
        argv[2] = String.valueOf(ttlMillis);
        argv[3] = op;
        System.arraycopy(args, 0, argv, 4, args.length);
        return link.run(s, type, keys.presence(room), argv);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode presence", e);
        }
    }

    private MemberInfo read(String s) {
        try {
            return json.readValue(s, MemberInfo.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a member's presence cannot be read", e);
        }
    }

    @Override
    public int add(String room, MemberInfo member) {
        Long n = run(PresenceScripts.ADD, ScriptOutputType.INTEGER, room, "add", member.id(), write(member));
        return n.intValue();
    }

    @Override
    public Optional<MemberInfo> remove(String room, String memberId) {
        String info = run(PresenceScripts.REMOVE, ScriptOutputType.VALUE, room, "remove", memberId);
        return Optional.ofNullable(info).map(this::read);
    }

    @Override
    public Optional<MemberInfo> get(String room, String memberId) {
        String info = run(PresenceScripts.GET, ScriptOutputType.VALUE, room, "get", memberId);
        return Optional.ofNullable(info).map(this::read);
    }

    @Override
    public List<MemberInfo> members(String room) {
        List<String> infos = run(PresenceScripts.MEMBERS, ScriptOutputType.MULTI, room, "members");
        List<MemberInfo> out = new ArrayList<>(infos.size());
        for (String s : infos) {
            if (s != null) {
                out.add(read(s));
            }
        }
        return out;
    }

    /** One script for every room and member asked (one round trip); nothing is sent when none is asked. */
    @Override
    public Map<String, Map<String, MemberInfo>> getAll(Map<String, ? extends Collection<String>> wanted) {
        return MemberLookup.getAll(link, keys, wanted, this::read);
    }

    @Override
    public int count(String room) {
        Long n = run(PresenceScripts.COUNT, ScriptOutputType.INTEGER, room, "count");
        return n.intValue();
    }

    @Override
    public boolean claimNick(String room, String memberId, Collection<String> nickKeys) {
        Long won = run(PresenceScripts.CLAIM, ScriptOutputType.INTEGER, room, "claim", memberId, write(List.copyOf(nickKeys)));
        return won == 1;
    }

    @Override
    public void releaseNick(String room, String memberId) {
        run(PresenceScripts.RELEASE, ScriptOutputType.INTEGER, room, "release", memberId);
    }

    @Override
    public void away(String room, String memberId, boolean away) {
        run(PresenceScripts.AWAY, ScriptOutputType.INTEGER, room, "away", memberId, away ? "1" : "0");
    }

    @Override
    public int seated(String room) {
        Long n = run(PresenceScripts.SEATED, ScriptOutputType.INTEGER, room, "seated");
        return n.intValue();
    }

    @Override
    public List<MemberInfo> trimAway(String room, int keep) {
        List<String> infos = run(PresenceScripts.TRIM, ScriptOutputType.MULTI, room, "trim", String.valueOf(Math.max(0, keep)));
        List<MemberInfo> out = new ArrayList<>(infos.size());
        for (String s : infos) {
            out.add(read(s));
        }
        return out;
    }

    @Override
    public void clear(String room) {
        link.sync().del(keys.presence(room));
    }

    /**
     * Stops refreshing this node's liveness (the link stays open). Its members are not removed:
     * they vanish for every node within the TTL, as if this node had died; a node shutting down
     * cleanly removes its members first.
     */
    @Override
    public void close() {
        heartbeat.stop();
    }
}
