package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.kindred.server.broker.Restrictions;

/**
 * What one node knows of its rooms' rules that only Redis keeps, for {@link RedisRestrictions}
 * to write back when Redis restarted empty (it runs without persistence): the kick cool-offs this
 * node set or met, the posts it let through under slow mode (so a member's wait goes on), and
 * the lock and slow mode it knew. A support room must not let a member it cooled off, or one
 * told to wait, straight back in because Redis restarted; mutes are not kept here, they come back
 * from the store (the staff resync).
 *
 * <p>Written back ({@link #writeBack}) on the new connection before anything else uses it, and
 * never over what Redis holds: a cool-off or a wait only where its key is missing, the modes only
 * where the room has none (and only a lock or a slow mode: a node knowing neither leaves the room
 * to the others). Entries end when their time is up. Thread-safe.
 */
final class RulesMemory {
    /**
     * KEYS: 1 modes, 2… member keys (cool-off or last post). ARGV: 1 locked (0/1), 2 slow seconds,
     * 3 now (epoch ms), then per member key its kind ({@code c} cool-off, {@code l} last post) and
     * value (the cool-off's end, or the post's time). Writes only what is missing; returns 1.
     */
    static final Script WRITE_BACK = Script.of("""
            local now = tonumber(ARGV[3])
            if redis.call('EXISTS', KEYS[1]) == 0 and (ARGV[1] == '1' or ARGV[2] ~= '0') then
              redis.call('HSET', KEYS[1], 'locked', ARGV[1], 'slow', ARGV[2], 'gen', '1')
            end
            local m = redis.call('HMGET', KEYS[1], 'slow', 'gen')
            local slow, gen = tonumber(m[1] or '0'), m[2] or '0'
            for i = 2, #KEYS do
              local kind, text = ARGV[2 * i], ARGV[2 * i + 1]
              local v = tonumber(text)
              if kind == 'c' then
                if v > now then redis.call('SET', KEYS[i], text, 'PXAT', text, 'NX') end
              elseif slow > 0 and v + slow * 1000 > now then
                redis.call('SET', KEYS[i], gen .. ':' .. text, 'PX', math.ceil(v + slow * 1000 - now), 'NX')
              end
            end
            return 1
            """);
    private static final int KEYS_PER_CALL = 200;
    private static final int PRUNE_EVERY = 256;

    /** A member's key: {@code kind} c (cool-off) or l (last post), its value, and when it ends (epoch ms). */
    private record Entry(char kind, long value, long ends) {
    }

    private final Map<String, Map<String, Entry>> rooms = new ConcurrentHashMap<>();
    private final Function<String, String> modesKey;
    private final Function<String, Restrictions.Modes> known;
    private final AtomicInteger added = new AtomicInteger();

    /**
     * @param modesKey a room's modes key
     * @param known what this node knows of a room's modes now (never waits)
     */
    RulesMemory(Function<String, String> modesKey, Function<String, Restrictions.Modes> known) {
        this.modesKey = modesKey;
        this.known = known;
    }

    /** Notes that this node serves {@code room}, so its modes are written back. */
    void room(String room) {
        rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>());
    }

    /** A cool-off of {@code key} (the member's cool-off key) in {@code room} until {@code until} (epoch ms). */
    void coolOff(String room, String key, long until) {
        put(room, key, new Entry('c', until, until));
    }

    /**
     * A post allowed at {@code ts} under slow mode of {@code slowSeconds}; {@code key} is the
     * member's last-post key.
     */
    void posted(String room, String key, long ts, long slowSeconds) {
        put(room, key, new Entry('l', ts, ts + slowSeconds * 1000));
    }

    /** Forgets a closed room. */
    void forget(String room) {
        rooms.remove(room);
    }

    private void put(String room, String key, Entry e) {
        rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).merge(key, e,
                (was, now) -> was.ends() > now.ends() ? was : now);
        if (added.incrementAndGet() % PRUNE_EVERY == 0) {
            prune(System.currentTimeMillis());
        }
    }

    private void prune(long now) {
        for (Map<String, Entry> entries : rooms.values()) {
            entries.values().removeIf(e -> e.ends() <= now);
        }
    }

    /**
     * Writes back what this node knows on {@code on} (a connection no one else uses yet):
     * a script per room (more for a room with many entries), sent at once.
     *
     * @return a stage completing when every script answered
     */
    CompletableFuture<?> writeBack(RedisAsyncCommands<String, String> on) {
        long now = System.currentTimeMillis();
        prune(now);
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (Map.Entry<String, Map<String, Entry>> room : rooms.entrySet()) {
            Restrictions.Modes modes = known.apply(room.getKey());
            List<Map.Entry<String, Entry>> entries = new ArrayList<>(room.getValue().entrySet());
            if (entries.isEmpty() && !modes.locked() && modes.slowSeconds() == 0) {
                continue; // nothing to write back
            }
            int from = 0;
            do {
                int to = Math.min(entries.size(), from + KEYS_PER_CALL);
                List<String> keys = new ArrayList<>();
                List<String> args = new ArrayList<>();
                keys.add(modesKey.apply(room.getKey()));
                args.add(modes.locked() ? "1" : "0");
                args.add(String.valueOf(modes.slowSeconds()));
                args.add(String.valueOf(now));
                for (Map.Entry<String, Entry> e : entries.subList(from, to)) {
                    keys.add(e.getKey());
                    args.add(String.valueOf(e.getValue().kind()));
                    args.add(String.valueOf(e.getValue().value()));
                }
                sent.add(on.<Object>evalsha(WRITE_BACK.sha(), ScriptOutputType.INTEGER, keys.toArray(String[]::new),
                        args.toArray(String[]::new)).toCompletableFuture());
                from = to;
            } while (from < entries.size());
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }
}
