package org.kindred.server.broker.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.MemberInfo;
import org.kindred.server.broker.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Presence} in Redis, shared by the nodes. Each member and each nickname claim belongs to
 * the node that made it; a node proves it lives by a key {@code node:<id>} that expires after
 * {@code ttlMillis} unless refreshed, which this class does every third of it (also leaving the
 * Redis time of the refresh under {@code nodeseen:<id>}, for {@link RedisParking}). Every call is one
 * Lua script that first drops the members and claims of nodes whose key has expired, so a killed
 * node's members vanish at most {@code ttlMillis} after its last refresh (at most
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
    private static final Logger LOG = LoggerFactory.getLogger(RedisPresence.class);
    /** KEYS: members, info, owner, nick, held, joins, away. ARGV: node key prefix, node id, node ttl ms, op, args. */
    private static final String PRELUDE = """
            local function release(m)
              local held = redis.call('HGET', KEYS[5], m)
              if held then
                for _, k in ipairs(cjson.decode(held)) do
                  if redis.call('HGET', KEYS[4], k) == m then redis.call('HDEL', KEYS[4], k) end
                end
                redis.call('HDEL', KEYS[5], m)
              end
            end
            local function drop(m)
              release(m)
              redis.call('ZREM', KEYS[1], m)
              redis.call('ZREM', KEYS[7], m)
              redis.call('HDEL', KEYS[2], m)
              redis.call('HDEL', KEYS[3], m)
            end
            local owners = redis.call('HGETALL', KEYS[3])
            local alive = {}
            for i = 1, #owners, 2 do
              local node = owners[i + 1]
              if alive[node] == nil then alive[node] = redis.call('EXISTS', ARGV[1] .. node) == 1 end
              if not alive[node] then drop(owners[i]) end
            end
            local function mine(m)
              redis.call('SET', ARGV[1] .. ARGV[2], '1', 'PX', ARGV[3])
              redis.call('HSET', KEYS[3], m, ARGV[2])
            end
            local op = ARGV[4]
            """;
    private static final Script ADD = Script.of(PRELUDE + """
            local m = ARGV[5]
            if redis.call('ZSCORE', KEYS[1], m) == false then
              redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[6]), m)
            end
            redis.call('ZREM', KEYS[7], m)
            redis.call('HSET', KEYS[2], m, ARGV[6])
            mine(m)
            return redis.call('ZCARD', KEYS[1])
            """);
    private static final Script REMOVE = Script.of(PRELUDE + """
            local owner = redis.call('HGET', KEYS[3], ARGV[5])
            if owner and owner ~= ARGV[2] then return false end
            local info = redis.call('HGET', KEYS[2], ARGV[5])
            drop(ARGV[5])
            return info
            """);
    private static final Script GET = Script.of(PRELUDE + """
            return redis.call('HGET', KEYS[2], ARGV[5])
            """);
    private static final Script MEMBERS = Script.of(PRELUDE + """
            local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
            if #ids == 0 then return {} end
            return redis.call('HMGET', KEYS[2], unpack(ids))
            """);
    private static final Script COUNT = Script.of(PRELUDE + """
            return redis.call('ZCARD', KEYS[1])
            """);
    private static final Script CLAIM = Script.of(PRELUDE + """
            local m = ARGV[5]
            local ks = cjson.decode(ARGV[6])
            for _, k in ipairs(ks) do
              local holder = redis.call('HGET', KEYS[4], k)
              if holder and holder ~= m then return 0 end
            end
            release(m)
            for _, k in ipairs(ks) do redis.call('HSET', KEYS[4], k, m) end
            redis.call('HSET', KEYS[5], m, ARGV[6])
            mine(m)
            return 1
            """);
    private static final Script RELEASE = Script.of(PRELUDE + """
            release(ARGV[5])
            return 1
            """);
    /** ARGV[6]: 1 away (only a member this node seats), 0 back. The away order is the join counter's. */
    private static final Script AWAY = Script.of(PRELUDE + """
            local m = ARGV[5]
            if ARGV[6] ~= '1' then return redis.call('ZREM', KEYS[7], m) end
            if redis.call('HGET', KEYS[3], m) ~= ARGV[2] or redis.call('ZSCORE', KEYS[1], m) == false then return 0 end
            if redis.call('ZSCORE', KEYS[7], m) ~= false then return 0 end
            return redis.call('ZADD', KEYS[7], redis.call('INCR', KEYS[6]), m)
            """);
    private static final Script SEATED = Script.of(PRELUDE + """
            return redis.call('ZCARD', KEYS[1]) - redis.call('ZCARD', KEYS[7])
            """);
    /** ARGV[5]: how many may stay away. Returns the infos of the members removed, longest away first. */
    private static final Script TRIM = Script.of(PRELUDE + """
            local keep, out = tonumber(ARGV[5]), {}
            while redis.call('ZCARD', KEYS[7]) > keep do
              local m = redis.call('ZRANGE', KEYS[7], 0, 0)[1]
              local info = redis.call('HGET', KEYS[2], m)
              drop(m)
              if info then out[#out + 1] = info end
            end
            return out
            """);

    /** KEYS: node, nodeseen. ARGV: ttl ms, seen ttl ms. The liveness key, and the Redis time it was refreshed at. */
    private static final Script HEARTBEAT = Script.of("""
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            local t = redis.call('TIME')
            redis.call('SET', KEYS[2], string.format('%.0f', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)),
                'PX', ARGV[2])
            return 1
            """);
    /** How long the time of a node's last heartbeat is kept, ms. */
    static final long SEEN_TTL_MS = 24 * 3600_000L;

    private final RedisLink link;
    private final RedisKeys keys;
    private final String nodeId;
    private final long ttlMillis;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledFuture<?> heartbeat;

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
        long period = ttlMillis / 3;
        this.heartbeat = link.scheduler().scheduleWithFixedDelay(this::refresh, 0, period, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            link.run(HEARTBEAT, ScriptOutputType.INTEGER, new String[] {keys.nodePrefix() + nodeId,
                keys.seenPrefix() + nodeId}, String.valueOf(ttlMillis), String.valueOf(SEEN_TTL_MS));
        } catch (RuntimeException e) {
            LOG.debug("node liveness not refreshed: {}", e.getClass().getSimpleName());
        }
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
        Long n = run(ADD, ScriptOutputType.INTEGER, room, "add", member.id(), write(member));
        return n.intValue();
    }

    @Override
    public Optional<MemberInfo> remove(String room, String memberId) {
        String info = run(REMOVE, ScriptOutputType.VALUE, room, "remove", memberId);
        return Optional.ofNullable(info).map(this::read);
    }

    @Override
    public Optional<MemberInfo> get(String room, String memberId) {
        String info = run(GET, ScriptOutputType.VALUE, room, "get", memberId);
        return Optional.ofNullable(info).map(this::read);
    }

    @Override
    public List<MemberInfo> members(String room) {
        List<String> infos = run(MEMBERS, ScriptOutputType.MULTI, room, "members");
        List<MemberInfo> out = new ArrayList<>(infos.size());
        for (String s : infos) {
            if (s != null) {
                out.add(read(s));
            }
        }
        return out;
    }

    @Override
    public int count(String room) {
        Long n = run(COUNT, ScriptOutputType.INTEGER, room, "count");
        return n.intValue();
    }

    @Override
    public boolean claimNick(String room, String memberId, Collection<String> nickKeys) {
        Long won = run(CLAIM, ScriptOutputType.INTEGER, room, "claim", memberId, write(List.copyOf(nickKeys)));
        return won == 1;
    }

    @Override
    public void releaseNick(String room, String memberId) {
        run(RELEASE, ScriptOutputType.INTEGER, room, "release", memberId);
    }

    @Override
    public void away(String room, String memberId, boolean away) {
        run(AWAY, ScriptOutputType.INTEGER, room, "away", memberId, away ? "1" : "0");
    }

    @Override
    public int seated(String room) {
        Long n = run(SEATED, ScriptOutputType.INTEGER, room, "seated");
        return n.intValue();
    }

    @Override
    public List<MemberInfo> trimAway(String room, int keep) {
        List<String> infos = run(TRIM, ScriptOutputType.MULTI, room, "trim", String.valueOf(Math.max(0, keep)));
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
        heartbeat.cancel(false);
    }
}
