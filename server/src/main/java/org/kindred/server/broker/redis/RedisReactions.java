package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kindred.protocol.ReactionCounts;
import org.kindred.protocol.ReactionKind;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Reactions;

/**
 * {@link Reactions} in Redis, shared by the nodes, following a {@link RedisHistory} on the same
 * keys' prefix. For each message with reactions, one set per kind holds the ids of the members
 * who give it ({@code {room}:react:<msg>:<kind>}, its count is the set's size), and a set per
 * room lists those messages ({@code {room}:reacted}). No message text is stored here.
 *
 * <p>Each {@link #react} is one Lua script that reads the room's history stream itself, so the
 * check that the history keeps the message (not deleted, trimmed or past the maximum age at
 * {@code now}) and the change are one atomic step across all nodes. When a message gets its
 * first reaction, the script drops the reactions of every listed message the history no longer
 * keeps, so a room lists at most its history's size plus one. Every set expires when its message
 * reaches the maximum age (its {@code ts} plus the age, measured from {@code now}), and the list
 * the maximum age after the room's last reaction: nothing outlives the messages.
 *
 * <p>Costs O(history size) per reaction, O(messages) per {@link #withCounts} (one script). Redis
 * runs without persistence, so a Redis restart forgets every reaction (as it forgets the
 * history). Errors: a {@link io.lettuce.core.RedisException} (unchecked) when Redis is
 * unreachable; calls wait for Redis, so never on an event loop. Thread-safe.
 */
public final class RedisReactions implements Reactions {
    /** Deletes the kind sets of message m and unlists it. ARGV[1] is the sets' prefix, ARGV[2] on the kinds. */
    private static final String FORGET = """
            local function forget(m)
              for k = FIRST_KIND, #ARGV do redis.call('DEL', ARGV[1] .. m .. ':' .. ARGV[k]) end
              redis.call('SREM', KEYS[2], m)
            end
            """;
    /**
     * KEYS: history stream, list of messages with reactions. ARGV: sets' prefix, msg, member,
     * kind, remove (1/0), now ms, max age ms, then every kind. Returns {found, changed, count}.
     */
    private static final Script REACT = Script.of(FORGET.replace("FIRST_KIND", "8") + """
            local msg, member, kind = ARGV[2], ARGV[3], ARGV[4]
            local now, age = tonumber(ARGV[6]), tonumber(ARGV[7])
            local kept, ts = {}, nil
            for _, e in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do
              local f, m, t = e[2], nil, nil
              for i = 1, #f, 2 do
                if f[i] == 'msg' then m = f[i + 1] elseif f[i] == 'ts' then t = tonumber(f[i + 1]) end
              end
              if m and t and t >= now - age then
                kept[m] = true
                if m == msg then ts = t end
              end
            end
            if ts == nil then
              forget(msg)
              return {0, 0, 0}
            end
            local set = ARGV[1] .. msg .. ':' .. kind
            local changed
            if ARGV[5] == '1' then
              changed = redis.call('SREM', set, member)
              local any = 0
              for k = 8, #ARGV do any = any + redis.call('EXISTS', ARGV[1] .. msg .. ':' .. ARGV[k]) end
              if any == 0 then redis.call('SREM', KEYS[2], msg) end
            else
              if redis.call('SISMEMBER', KEYS[2], msg) == 0 then
                for _, m in ipairs(redis.call('SMEMBERS', KEYS[2])) do
                  if not kept[m] then forget(m) end
                end
                redis.call('SADD', KEYS[2], msg)
              end
              changed = redis.call('SADD', set, member)
              redis.call('PEXPIRE', set, math.max(1, ts + age - now))
              redis.call('PEXPIRE', KEYS[2], age)
            end
            return {1, changed, redis.call('SCARD', set)}
            """);
    /** KEYS: any sets. Returns the size of each. */
    private static final Script SIZES = Script.of("""
            local out = {}
            for i, k in ipairs(KEYS) do out[i] = redis.call('SCARD', k) end
            return out
            """);
    /** KEYS: (unused), list of messages with reactions. ARGV: sets' prefix, then every kind. */
    private static final Script CLEAR = Script.of(FORGET.replace("FIRST_KIND", "2") + """
            for _, m in ipairs(redis.call('SMEMBERS', KEYS[2])) do forget(m) end
            redis.call('DEL', KEYS[2])
            return 1
            """);
    private static final ReactionKind[] KINDS = ReactionKind.values();

    private final RedisLink link;
    private final RedisHistory history;
    private final RedisKeys keys;

    /**
     * @param link the node's connections
     * @param history the rooms' history (its keys' prefix, size and maximum age are the ones followed)
     */
    public RedisReactions(RedisLink link, RedisHistory history) {
        this.link = Objects.requireNonNull(link, "link");
        this.history = Objects.requireNonNull(history, "history");
        this.keys = history.keys();
    }

    private String setPrefix(String room) {
        return keys.room(room, "react:");
    }

    private String listed(String room) {
        return keys.room(room, "reacted");
    }

    @Override
    public Outcome react(String room, String msg, String member, ReactionKind kind, boolean remove, long now) {
        List<String> argv = new ArrayList<>(List.of(setPrefix(room), msg, member, kind.wire(), remove ? "1" : "0",
                String.valueOf(now), String.valueOf(history.maxAgeMillis())));
        for (ReactionKind k : KINDS) {
            argv.add(k.wire());
        }
        List<Long> r = link.run(REACT, ScriptOutputType.MULTI, new String[] {keys.history(room), listed(room)},
                argv.toArray(String[]::new));
        if (r.get(0) == 0) {
            return Outcome.NOT_FOUND;
        }
        return new Outcome(true, r.get(1) == 1, r.get(2).intValue());
    }

    @Override
    public ReactionCounts counts(String room, String msg) {
        return countsOf(room, List.of(msg)).get(0);
    }

    /** One script for the whole history, rather than one call per message. */
    @Override
    public List<ServerMessage.Message> withCounts(String room, List<ServerMessage.Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<ReactionCounts> counts = countsOf(room, messages.stream().map(ServerMessage.Message::msg).toList());
        List<ServerMessage.Message> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(messages.get(i).withReactions(counts.get(i)));
        }
        return out;
    }

    private List<ReactionCounts> countsOf(String room, List<String> msgs) {
        String prefix = setPrefix(room);
        String[] sets = new String[msgs.size() * KINDS.length];
        int i = 0;
        for (String m : msgs) {
            for (ReactionKind k : KINDS) {
                sets[i++] = prefix + m + ":" + k.wire();
            }
        }
        List<Long> sizes = link.run(SIZES, ScriptOutputType.MULTI, sets);
        List<ReactionCounts> out = new ArrayList<>(msgs.size());
        for (int m = 0; m < msgs.size(); m++) {
            ReactionCounts c = ReactionCounts.NONE;
            for (int k = 0; k < KINDS.length; k++) {
                int n = sizes.get(m * KINDS.length + k).intValue();
                if (n > 0) {
                    c = c.with(KINDS[k], n);
                }
            }
            out.add(c);
        }
        return out;
    }

    @Override
    public int tracked(String room) {
        return link.sync().scard(listed(room)).intValue();
    }

    @Override
    public void clear(String room) {
        String[] argv = new String[1 + KINDS.length];
        argv[0] = setPrefix(room);
        for (int k = 0; k < KINDS.length; k++) {
            argv[1 + k] = KINDS[k].wire();
        }
        link.run(CLEAR, ScriptOutputType.INTEGER, new String[] {keys.history(room), listed(room)}, argv);
    }
}
