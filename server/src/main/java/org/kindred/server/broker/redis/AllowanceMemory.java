package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The send allowances ({@link RedisRateLimits}) as one node saw them spent, for writing back
 * when Redis restarted empty: per allowance key the theoretical arrival time (epoch ms) of the
 * sends this node let through, by the same GCRA as the script. It counts only this node's sends,
 * so it is at most what Redis held; with every node writing back its own, a member who spent the
 * allowance through any live node does not get a fresh burst from the restart. Written back only
 * where it is above what Redis holds. Entries end when their bucket is full again. Thread-safe.
 */
final class AllowanceMemory {
    /**
     * KEYS: allowance keys. ARGV: 1 now (epoch ms), then per key its arrival time (ms). Raises each
     * key to its time when that is later than now and than the key's; returns 1.
     */
    static final Script WRITE_BACK = Script.of("""
            local now = tonumber(ARGV[1])
            for i = 1, #KEYS do
              local tat = tonumber(ARGV[i + 1])
              local cur = tonumber(redis.call('GET', KEYS[i]) or '0')
              if tat > now and tat > cur then
                redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', math.ceil(tat - now) + 1)
              end
            end
            return 1
            """);
    private static final int KEYS_PER_CALL = 200;
    private static final int PRUNE_EVERY = 256;

    private final Map<String, Double> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger added = new AtomicInteger();

    /**
     * A send this node let through at {@code now} (epoch ms), taken from {@code key}, which
     * refills one send every {@code everyMs}.
     */
    void took(String key, double everyMs, long now) {
        arrivals.merge(key, now + everyMs, (was, fresh) -> Math.max(was, (double) now) + everyMs);
        if (added.incrementAndGet() % PRUNE_EVERY == 0) {
            prune(now);
        }
    }

    private void prune(long now) {
        arrivals.values().removeIf(t -> t <= now);
    }

    /**
     * Writes back the allowances this node knows on {@code on} (a connection no one else uses
     * yet), a script per {@value #KEYS_PER_CALL} keys, sent at once.
     *
     * @return a stage completing when every script answered
     */
    CompletableFuture<?> writeBack(RedisAsyncCommands<String, String> on) {
        long now = System.currentTimeMillis();
        prune(now);
        List<Map.Entry<String, Double>> all = new ArrayList<>(arrivals.entrySet());
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_CALL) {
            List<Map.Entry<String, Double>> part = all.subList(from, Math.min(all.size(), from + KEYS_PER_CALL));
            String[] keys = new String[part.size()];
            String[] args = new String[part.size() + 1];
            args[0] = String.valueOf(now);
            for (int i = 0; i < part.size(); i++) {
                keys[i] = part.get(i).getKey();
                args[i + 1] = String.format(Locale.ROOT, "%.3f", part.get(i).getValue());
            }
            sent.add(on.<Object>evalsha(WRITE_BACK.sha(), ScriptOutputType.INTEGER, keys, args).toCompletableFuture());
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }
}
