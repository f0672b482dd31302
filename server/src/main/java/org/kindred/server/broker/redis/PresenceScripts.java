package org.kindred.server.broker.redis;

/**
 * The Lua scripts of {@link RedisPresence}, one a call. Each starts with the same prelude: it drops the
 * members and nickname claims of nodes whose liveness key has expired (so a dead node's members vanish as
 * soon as anyone looks), and defines the helpers the scripts share. Every script takes the same keys and
 * first four arguments, then its own:
 * <ul>
 *   <li>KEYS: the room's members (sorted set, by join counter), infos (member id → {@code MemberInfo}
 *       JSON), owners (member id → node id), nickname claims (nick key → member id), held claims
 *       (member id → JSON list of nick keys), the join counter, and the away seats (sorted set);</li>
 *   <li>ARGV[1..4]: the node key prefix, this node's id, the node TTL in ms, and the operation's name;</li>
 *   <li>ARGV[5..]: the member id and the operation's own arguments, as each script says.</li>
 * </ul>
 * Stateless; the scripts are constants.
 */
final class PresenceScripts {
    private PresenceScripts() {
    }

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
    static final Script ADD = Script.of(PRELUDE + """
            local m = ARGV[5]
            if redis.call('ZSCORE', KEYS[1], m) == false then
              redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[6]), m)
            end
            redis.call('ZREM', KEYS[7], m)
            redis.call('HSET', KEYS[2], m, ARGV[6])
            mine(m)
            return redis.call('ZCARD', KEYS[1])
            """);
    static final Script REMOVE = Script.of(PRELUDE + """
            local owner = redis.call('HGET', KEYS[3], ARGV[5])
            if owner and owner ~= ARGV[2] then return false end
            local info = redis.call('HGET', KEYS[2], ARGV[5])
            drop(ARGV[5])
            return info
            """);
    static final Script GET = Script.of(PRELUDE + """
            return redis.call('HGET', KEYS[2], ARGV[5])
            """);
    static final Script MEMBERS = Script.of(PRELUDE + """
            local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
            if #ids == 0 then return {} end
            return redis.call('HMGET', KEYS[2], unpack(ids))
            """);
    static final Script COUNT = Script.of(PRELUDE + """
            return redis.call('ZCARD', KEYS[1])
            """);
    static final Script CLAIM = Script.of(PRELUDE + """
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
    static final Script RELEASE = Script.of(PRELUDE + """
            release(ARGV[5])
            return 1
            """);
    /** ARGV[6]: 1 away (only a member this node seats), 0 back. The away order is the join counter's. */
    static final Script AWAY = Script.of(PRELUDE + """
            local m = ARGV[5]
            if ARGV[6] ~= '1' then return redis.call('ZREM', KEYS[7], m) end
            if redis.call('HGET', KEYS[3], m) ~= ARGV[2] or redis.call('ZSCORE', KEYS[1], m) == false then return 0 end
            if redis.call('ZSCORE', KEYS[7], m) ~= false then return 0 end
            return redis.call('ZADD', KEYS[7], redis.call('INCR', KEYS[6]), m)
            """);
    static final Script SEATED = Script.of(PRELUDE + """
            return redis.call('ZCARD', KEYS[1]) - redis.call('ZCARD', KEYS[7])
            """);
    /** ARGV[5]: how many may stay away. Returns the infos of the members removed, longest away first. */
    static final Script TRIM = Script.of(PRELUDE + """
            local keep, out = tonumber(ARGV[5]), {}
            while redis.call('ZCARD', KEYS[7]) > keep do
              local m = redis.call('ZRANGE', KEYS[7], 0, 0)[1]
              local info = redis.call('HGET', KEYS[2], m)
              drop(m)
              if info then out[#out + 1] = info end
            end
            return out
            """);
}
