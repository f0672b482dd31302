package org.kindred.server.moderation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Per-key rate state (token buckets, recent messages, strikes) that forgets keys nobody used for
 * a while and stays bounded.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Thread-safe; concurrent {@link #get} calls for one key return the same value.</li>
 *   <li>A key used at least once every {@code idleMillis} (on the callers' clock) keeps its value.
 *       A key idle for longer may be forgotten; its next {@code get} creates a fresh value.</li>
 *   <li>Holds about {@code maxKeys} keys at most: when more arrive, the least recently used are
 *       forgotten first (down to 90 % of the bound).</li>
 * </ul>
 * A lookup is one {@link ConcurrentHashMap} read and one plain write of the last-use time; idle
 * keys are swept on the calling thread when a new key arrives and a sweep is due (every quarter
 * of {@code idleMillis}) or the map is full. This is cheaper per message than a general-purpose
 * cache, which records every read for its eviction policy.
 */
final class IdleMap<K, V> {
    private static final VarHandle LAST_USED;

    static {
        try {
            LAST_USED = MethodHandles.lookup().findVarHandle(Entry.class, "lastUsed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Entry<V> {
        final V value;
        @SuppressWarnings("unused") // through LAST_USED
        long lastUsed;

        Entry(V value, long now) {
            this.value = value;
            this.lastUsed = now;
        }

        long lastUsed() {
            return (long) LAST_USED.getOpaque(this);
        }

        void touch(long now) {
            if (now > lastUsed()) {
                LAST_USED.setOpaque(this, now);
            }
        }
    }

    private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final long idleMillis;
    private final long sweepEveryMillis;
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    IdleMap(long maxKeys, long idleMillis) {
        if (maxKeys < 1 || maxKeys > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxKeys " + maxKeys + " (expected: 1.." + Integer.MAX_VALUE + ")");
        }
        if (idleMillis < 1) {
            throw new IllegalArgumentException("idleMillis " + idleMillis + " (expected: >= 1)");
        }
        this.maxKeys = (int) maxKeys;
        this.idleMillis = idleMillis;
        this.sweepEveryMillis = Math.max(1, idleMillis / 4);
    }

    /** The value of {@code key}, created with {@code create} if absent; {@code nowMillis} marks it used. */
    V get(K key, long nowMillis, Function<? super K, ? extends V> create) {
        Entry<V> e = map.get(key);
        if (e == null) {
            e = map.computeIfAbsent(key, k -> new Entry<>(create.apply(k), nowMillis));
            maybeSweep(nowMillis);
        }
        e.touch(nowMillis);
        return e.value;
    }

    /** Number of keys held (for tests and diagnostics). */
    int size() {
        return map.size();
    }

    private void maybeSweep(long now) {
        long due = nextSweep.get();
        boolean full = map.size() > maxKeys;
        if ((now < due && !full) || !nextSweep.compareAndSet(due, now + sweepEveryMillis)) {
            return;
        }
        map.values().removeIf(e -> now - e.lastUsed() > idleMillis);
        if (map.size() > maxKeys) {
            forgetLeastRecentlyUsed();
        }
    }

    private void forgetLeastRecentlyUsed() {
        long[] times = map.values().stream().mapToLong(Entry::lastUsed).toArray();
        int keep = Math.max(1, maxKeys - maxKeys / 10);
        if (times.length <= keep) {
            return;
        }
        Arrays.sort(times);
        long cutoff = times[times.length - keep - 1]; // entries used at or before this time go
        map.values().removeIf(e -> e.lastUsed() <= cutoff);
    }
}
