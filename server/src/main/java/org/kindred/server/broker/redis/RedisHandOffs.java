package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared records of the warm hand-off's private conversations, so that a staff member on one
 * node and a member on another hold one conversation. Two keys per conversation, under the hash
 * tag {@code {handoff}} (values are ids, the staff member's account name and nickname, never text):
 * <ul>
 *   <li>{@code {handoff}:conv:<room>}: a hash of what the nodes need to know of it (member, staff
 *       member, their nodes, the escalation, whether it was accepted), field names chosen by the
 *       caller;</li>
 *   <li>{@code {handoff}:member:<member id>}: the room of the member's one conversation.</li>
 * </ul>
 * Both expire after the time given to {@link #claim} (a safety net: a conversation is ended by
 * {@link #end}). Every call is one round trip and waits for it: never on an event loop
 * ({@link RedisLink} refuses). Throws Lettuce's exceptions when Redis is unreachable. Thread-safe.
 */
public final class RedisHandOffs {
    /** KEYS: member key, conversation key. ARGV: room, ttl ms, conversation key prefix, field/value pairs. */
    private static final Script CLAIM = Script.of("""
            local cur = redis.call('GET', KEYS[1])
            if cur and cur ~= ARGV[1] and redis.call('EXISTS', ARGV[3] .. cur) == 1 then return cur end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], unpack(ARGV, 4))
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return ''
            """);
    /** KEYS: conversation key, member key. ARGV: room. 1 for the caller that ended it, else 0. */
    private static final Script END = Script.of("""
            if redis.call('DEL', KEYS[1]) == 0 then return 0 end
            if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
            return 1
            """);
    /** KEYS: conversation key. ARGV: field, value. Sets it while the conversation lasts. */
    private static final Script SET = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """);
    /** KEYS: conversation key. ARGV: the field naming the other side's node, node key prefix. */
    private static final Script CHECK = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local n = redis.call('HGET', KEYS[1], ARGV[1])
            if n and n ~= '' and redis.call('EXISTS', ARGV[2] .. n) == 0 then return 1 end
            return 2
            """);

    /** What {@link #check} found. */
    public enum State {
        /** No such conversation (ended, or never recorded). */
        ENDED,
        /** It lasts, but the node named by the field asked about is gone (its liveness key expired). */
        NODE_GONE,
        /** It lasts, and that node (if any is named yet) lives. */
        OPEN
    }

    private final RedisLink link;
    private final String conv;
    private final String member;
    private final String nodes;

    /**
     * @param link the node's connections
     * @param prefix the keys' prefix (the same on every node)
     */
    RedisHandOffs(RedisLink link, String prefix) {
        this.link = link;
        this.conv = prefix + "{handoff}:conv:";
        this.member = prefix + "{handoff}:member:";
        this.nodes = new RedisKeys(prefix).nodePrefix();
        for (Script s : List.of(CLAIM, END, SET, CHECK)) {
            link.preload(s);
        }
    }

    /**
     * Records conversation {@code room} of {@code memberId} with {@code fields} (replacing what the
     * room had), unless the member already has another conversation that is still recorded.
     *
     * @param ttlMillis how long the records live at most, ms, {@code > 0}
     * @return null when recorded, else the room of the member's conversation
     */
    public String claim(String memberId, String room, Map<String, String> fields, long ttlMillis) {
        if (ttlMillis <= 0 || fields.isEmpty()) {
            throw new IllegalArgumentException("ttlMillis: " + ttlMillis + ", fields: " + fields.size()
                    + " (expected: > 0 and at least one field)");
        }
        List<String> args = new ArrayList<>(List.of(room, Long.toString(ttlMillis), conv));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v == null ? "" : v);
        });
        String cur = link.run(CLAIM, ScriptOutputType.VALUE, new String[] {member + memberId, conv + room},
                args.toArray(String[]::new));
        return cur == null || cur.isEmpty() ? null : cur;
    }

    /** The fields of conversation {@code room}; empty when there is none. */
    public Map<String, String> find(String room) {
        return link.sync().hgetall(conv + room);
    }

    /** The room of {@code memberId}'s conversation, or null. */
    public String roomOf(String memberId) {
        return link.sync().get(member + memberId);
    }

    /** Sets one field of conversation {@code room}; false when it has ended. */
    public boolean set(String room, String field, String value) {
        Long r = link.run(SET, ScriptOutputType.INTEGER, new String[] {conv + room}, field, value);
        return r != null && r == 1;
    }

    /** Ends conversation {@code room} of {@code memberId}: true for the one caller that ended it. */
    public boolean end(String room, String memberId) {
        Long r = link.run(END, ScriptOutputType.INTEGER, new String[] {conv + room, member + memberId}, room);
        return r != null && r == 1;
    }

    /** Whether {@code room} lasts, and whether the node its field {@code nodeField} names is still alive. */
    public State check(String room, String nodeField) {
        Long r = link.run(CHECK, ScriptOutputType.INTEGER, new String[] {conv + room}, nodeField, nodes);
        return r == null || r == 0 ? State.ENDED : r == 1 ? State.NODE_GONE : State.OPEN;
    }
}
