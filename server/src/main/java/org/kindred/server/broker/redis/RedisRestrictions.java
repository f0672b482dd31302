package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.kindred.server.broker.MemoryRestrictions;
import org.kindred.server.broker.Restrictions;

/**
 * {@link Restrictions} in Redis, shared by the nodes. Keys (all in the room's hash slot):
 * <ul>
 *   <li>{@code {room}:modes} hash: {@code locked} (0/1), {@code slow} (seconds), {@code gen}
 *       (raised by every slow-mode change, so that earlier last posts stop counting); kept until
 *       the room is closed</li>
 *   <li>{@code {room}:mute:<member>} the mute's end, expiring then</li>
 *   <li>{@code {room}:cool:<member>} the kick cool-off's end, expiring then</li>
 *   <li>{@code {room}:last:<member>} {@code gen:ts} of the member's last post under slow mode,
 *       expiring after the slow-mode interval</li>
 * </ul>
 * A post is one Lua script (check lock, mute and slow mode, record the post), so it is atomic
 * across nodes; it does not wait ({@link #post} completes on Lettuce's I/O thread). The same
 * check ({@link #CHECK}, {@link #RECORD}) is a part of {@link RedisBroker}'s publish script, so a
 * member's post is checked and numbered in one step. A mirror in
 * memory ({@link MemoryRestrictions}) answers {@link #peekPost} and {@link #knownModes} without
 * waiting: the lock and slow mode as this node set, read ({@link #modes}) or last met them in a
 * decision, the last posts this node allowed, and the mutes this node set, lifted (every node
 * does both for a mute made anywhere, from the staff event) or met in a decision. A mute the
 * mirror holds is checked again in Redis, in the background, whenever it refuses a post, so one
 * whose lift this node missed (its staff event lost) stops refusing after one more refusal.
 * Redis runs without persistence: after a restart, {@link #modes} writes back the modes this
 * node knew, and mutes come back from the store (the staff resync); cool-offs and slow-mode waits
 * in progress are lost. Errors: a {@link io.lettuce.core.RedisException} (unchecked) when Redis is
 * unreachable. Thread-safe.
 */
public final class RedisRestrictions implements Restrictions {
    /**
     * A post's check, a part of scripts: needs locals {@code now} (number), {@code nowText} (its
     * digits), {@code modesKey}, {@code muteKey}, {@code lastKey}, and {@code held} and
     * {@code slowLast} declared nil; sets {@code held} to
     * {kind, wait, slow seconds} (kind 1 locked, 2 muted, 3 slow) or nil, and when allowed under
     * slow mode {@code slowLast} to {value, ms} the member's last post is to be set to (by
     * {@link #RECORD}, once the script can no longer fail). Writes nothing.
     */
    static final String CHECK = """
            local m = redis.call('HMGET', modesKey, 'locked', 'slow', 'gen')
            if m[1] == '1' then
              held = {1, 0, 0}
            else
              local muted = tonumber(redis.call('GET', muteKey) or '0')
              if muted > now then
                held = {2, muted - now, 0}
              else
                local slow = tonumber(m[2] or '0')
                if slow > 0 then
                  local gen = m[3] or '0'
                  local last = redis.call('GET', lastKey)
                  local g, t = nil, nil
                  if last then g, t = string.match(last, '^(%d+):(%d+)$') end
                  if g == gen and tonumber(t) + slow * 1000 > now then
                    held = {3, tonumber(t) + slow * 1000 - now, slow}
                  else
                    slowLast = {gen .. ':' .. nowText, slow * 1000}
                  end
                end
              end
            end
            """;
    /** Records an allowed post's {@code slowLast} (see {@link #CHECK}), a part of scripts. */
    static final String RECORD = """
            if slowLast then redis.call('SET', lastKey, slowLast[1], 'PX', slowLast[2]) end
            """;
    /** KEYS: modes, mute, last. ARGV: now. Returns {kind, wait, slow}: kind 0 allowed, else as {@link #CHECK}. */
    private static final Script POST = Script.of("""
            local now, nowText = tonumber(ARGV[1]), ARGV[1]
            local modesKey, muteKey, lastKey = KEYS[1], KEYS[2], KEYS[3]
            local held, slowLast = nil, nil
            """ + CHECK + """
            if held then return held end
            """ + RECORD + """
            return {0, 0, 0}
            """);
    /** KEYS: modes, cool. ARGV: now. Returns {kind, wait}: 0 allowed, 1 locked, 4 cooling off. */
    private static final Script JOIN = Script.of("""
            local now = tonumber(ARGV[1])
            local cool = tonumber(redis.call('GET', KEYS[2]) or '0')
            if cool > now then return {4, cool - now} end
            if redis.call('HGET', KEYS[1], 'locked') == '1' then return {1, 0} end
            return {0, 0}
            """);
    /** KEYS: modes. ARGV: seconds. */
    private static final Script SLOW = Script.of("""
            redis.call('HSET', KEYS[1], 'slow', ARGV[1])
            redis.call('HSETNX', KEYS[1], 'locked', '0')
            return redis.call('HINCRBY', KEYS[1], 'gen', 1)
            """);
    /** KEYS: modes. ARGV: locked, slow. Writes the modes only when Redis has none; returns them. */
    private static final Script RESTORE = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              redis.call('HSET', KEYS[1], 'locked', ARGV[1], 'slow', ARGV[2], 'gen', '1')
            end
            return redis.call('HMGET', KEYS[1], 'locked', 'slow')
            """);
    /** KEYS: a mute. Returns its end (epoch ms), or nil when none is in force. */
    private static final Script MUTE_END = Script.of("return redis.call('GET', KEYS[1])");
    private static final Kind[] KINDS = {null, Kind.LOCKED, Kind.MUTED, Kind.SLOW, Kind.COOLING_OFF, Kind.RATE_LIMITED};

    private final RedisLink link;
    private final RedisKeys keys;
    private final MemoryRestrictions mirror = new MemoryRestrictions();
    /** The mute keys being read again for the mirror ({@link #recheckMute}). */
    private final java.util.Set<String> rechecking = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RedisRestrictions(RedisLink link, String prefix) {
        this.link = link;
        this.keys = new RedisKeys(prefix);
        link.preload(POST);
        link.preload(MUTE_END);
    }

    private String modesKey(String room) {
        return keys.room(room, "modes");
    }

    private String memberKey(String room, String what, String memberId) {
        return keys.room(room, what + ":" + memberId);
    }

    private static Hold hold(List<Object> reply) {
        return hold(((Number) reply.get(0)).intValue(), ((Number) reply.get(1)).longValue());
    }

    /** The hold of a script's {@code kind} (0: none; 1 locked, 2 muted, 3 slow, 4 cooling off, 5 rate) and wait. */
    static Hold hold(int kind, long waitMs) {
        return kind == 0 ? null : new Hold(KINDS[kind], waitMs);
    }

    /** The keys {@link #CHECK} reads for a post of {@code memberId}: modes, mute, last. */
    String[] postKeys(String room, String memberId) {
        return new String[] {modesKey(room), memberKey(room, "mute", memberId), memberKey(room, "last", memberId)};
    }

    @Override
    public CompletionStage<Hold> post(String room, String memberId, long now) {
        CompletableFuture<List<Object>> reply = link.runAsync(POST, ScriptOutputType.MULTI, postKeys(room, memberId),
                String.valueOf(now));
        return reply.thenApply(r -> {
            Hold held = hold(r);
            learn(room, memberId, now, held, ((Number) r.get(2)).longValue());
            return held;
        });
    }

    /**
     * Corrects the mirror with what Redis answered a checked post (a change made on another
     * node): {@code held} (null: allowed and recorded) and, for slow mode, its seconds.
     */
    void learn(String room, String memberId, long now, Hold held, long slowSeconds) {
        Kind kind = held == null ? null : held.kind();
        if (mirror.knownModes(room).locked() != (kind == Kind.LOCKED)) {
            mirror.lock(room, kind == Kind.LOCKED);
        }
        if (kind == Kind.SLOW) {
            long seconds = slowSeconds;
            if (mirror.knownModes(room).slowSeconds() != seconds) {
                mirror.know(room, new Modes(false, seconds));
            }
        }
        if (kind == Kind.MUTED) {
            mirror.mute(room, memberId, now + held.waitMs()); // refused at once by peekPost from now on
        } else if (kind != Kind.LOCKED) { // checked after the lock: no mute is in force
            mirror.unmute(room, memberId, now);
        }
        if (kind == null) {
            mirror.postNow(room, memberId, now); // this node's own last post, for peekPost
        }
    }

    @Override
    public Hold peekPost(String room, String memberId, long now) {
        Hold held = mirror.peekPost(room, memberId, now);
        if (held != null && held.kind() == Kind.MUTED) {
            recheckMute(room, memberId, now + held.waitMs());
        }
        return held;
    }

    /**
     * Reads the mute the mirror holds until {@code known} from Redis (one round trip, at most one
     * per member at a time, never waiting) and corrects the mirror with it.
     */
    private void recheckMute(String room, String memberId, long known) {
        String key = memberKey(room, "mute", memberId);
        if (!rechecking.add(key)) {
            return;
        }
        CompletableFuture<String> end;
        try {
            end = link.runAsync(MUTE_END, ScriptOutputType.VALUE, new String[] {key});
        } catch (RuntimeException e) {
            rechecking.remove(key);
            return;
        }
        end.whenComplete((value, err) -> {
            rechecking.remove(key);
            if (err == null) {
                mirror.correctMute(room, memberId, known, value == null ? 0 : Long.parseLong(value));
            }
        });
    }

    @Override
    public Hold join(String room, String memberId, long now) {
        List<Object> r = link.run(JOIN, ScriptOutputType.MULTI,
                new String[] {modesKey(room), memberKey(room, "cool", memberId)}, String.valueOf(now));
        return hold(r);
    }

    @Override
    public Modes modes(String room) {
        Modes known = mirror.knownModes(room);
        List<Object> r = link.run(RESTORE, ScriptOutputType.MULTI, new String[] {modesKey(room)},
                known.locked() ? "1" : "0", String.valueOf(known.slowSeconds()));
        Modes now = new Modes("1".equals(r.get(0)), r.get(1) == null ? 0 : Long.parseLong((String) r.get(1)));
        mirror.know(room, now);
        return now;
    }

    @Override
    public Modes knownModes(String room) {
        return mirror.knownModes(room);
    }

    @Override
    public void lock(String room, boolean on) {
        link.sync().hset(modesKey(room), "locked", on ? "1" : "0");
        mirror.lock(room, on);
    }

    @Override
    public void slow(String room, long seconds) {
        link.run(SLOW, ScriptOutputType.INTEGER, new String[] {modesKey(room)}, String.valueOf(seconds));
        mirror.slow(room, seconds);
    }

    @Override
    public void mute(String room, String memberId, long until) {
        link.sync().set(memberKey(room, "mute", memberId), String.valueOf(until),
                io.lettuce.core.SetArgs.Builder.pxAt(Math.max(1, until)));
        mirror.mute(room, memberId, until);
    }

    @Override
    public boolean unmute(String room, String memberId, long now) {
        String was = link.sync().getdel(memberKey(room, "mute", memberId));
        mirror.unmute(room, memberId, now);
        return was != null && Long.parseLong(was) > now;
    }

    @Override
    public void coolOff(String room, String memberId, long until) {
        link.sync().set(memberKey(room, "cool", memberId), String.valueOf(until),
                io.lettuce.core.SetArgs.Builder.pxAt(Math.max(1, until)));
    }

    @Override
    public void forget(String room) {
        link.sync().del(modesKey(room));
        mirror.forget(room);
    }
}
