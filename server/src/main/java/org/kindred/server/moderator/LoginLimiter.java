package org.kindred.server.moderator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Throttles failed sign-ins. Two kinds of keys, both in memory (a restart forgets them) and
 * bounded in number, so a flood of made-up names cannot exhaust memory:
 * <ul>
 *   <li>an (account, network fingerprint) pair: after {@link LoginConfig#freeFailures()}
 *       failures each further one makes the pair wait {@code firstDelay · 2^k}, at most
 *       {@code maxDelay}; a success clears it. The pair is forgotten {@code networkWindow}
 *       after its last delay ends.</li>
 *   <li>a network fingerprint: {@link LoginConfig#maxFailuresPerNetwork()} failures (any
 *       account) within {@code networkWindow} make it wait {@code networkLockout}.</li>
 * </ul>
 * No key ever covers an account on every network. Thread-safe.
 */
final class LoginLimiter {
    private static final long MAX_KEYS = 100_000;
    /** Stands for a caller whose network is not known (not an internet socket). */
    static final String UNKNOWN_NETWORK = "(unknown network)";

    /** What a failure changed. */
    enum Change { NONE, PAIR_DELAYED, NETWORK_LOCKED }

    private final LoginConfig config;
    private final Clock clock;
    private final Cache<String, Pair> pairs;
    private final Cache<String, Window> networks;

    LoginLimiter(LoginConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        long forgetMs = config.networkWindow().toMillis();
        this.pairs = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfter(Expiry.<String, Pair>writing((k, p) ->
                        java.time.Duration.ofMillis(Math.max(1, p.forgetAt(forgetMs) - clock.millis()))))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
        this.networks = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(forgetMs + config.networkLockout().toMillis(), TimeUnit.MILLISECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * Milliseconds until this account may be tried again from this network; 0 when it may now.
     *
     * @param account canonical account name (or one shared key for impossible names)
     * @param network network fingerprint, or null when unknown
     */
    long retryAfterMs(String account, String network) {
        long now = clock.millis();
        Pair p = pairs.getIfPresent(pairKey(account, network));
        Window w = networks.getIfPresent(net(network));
        return Math.max(p == null ? 0 : p.retryAfter(now), w == null ? 0 : w.retryAfter(now));
    }

    /** Counts a failed sign-in of {@code account} from {@code network}; says what that changed. */
    Change recordFailure(String account, String network) {
        long now = clock.millis();
        boolean[] delayedNow = new boolean[1];
        pairs.asMap().compute(pairKey(account, network), (k, old) -> {
            Pair p = old == null ? new Pair() : old;
            delayedNow[0] = p.fail(now, config);
            return p;
        });
        boolean locked = networks.get(net(network), k -> new Window()).fail(now, config);
        return locked ? Change.NETWORK_LOCKED : delayedNow[0] ? Change.PAIR_DELAYED : Change.NONE;
    }

    /** A successful sign-in: this account starts afresh from this network (not from others). */
    void recordSuccess(String account, String network) {
        pairs.invalidate(pairKey(account, network));
    }

    private static String pairKey(String account, String network) {
        return net(network) + '\u0000' + account;
    }

    private static String net(String network) {
        return network == null ? UNKNOWN_NETWORK : network;
    }

    /** Failures of one account from one network. */
    private static final class Pair {
        private int failures;
        private long blockedUntil;

        synchronized long retryAfter(long now) {
            return Math.max(0, blockedUntil - now);
        }

        synchronized long forgetAt(long forgetMs) {
            return blockedUntil + forgetMs;
        }

        /** True when this failure is the first that brings a delay. */
        synchronized boolean fail(long now, LoginConfig c) {
            failures++;
            int over = failures - c.freeFailures();
            if (over <= 0) {
                blockedUntil = Math.max(blockedUntil, now);
                return false;
            }
            long first = c.firstDelay().toMillis();
            long max = c.maxDelay().toMillis();
            int shift = over - 1;
            long delay = shift >= Long.numberOfLeadingZeros(first) - 1 ? max : Math.min(max, first << shift);
            blockedUntil = now + delay;
            return over == 1;
        }
    }

    /** Failures from one network in a sliding window. */
    private static final class Window {
        private final ArrayDeque<Long> failures = new ArrayDeque<>();
        private long lockedUntil;

        synchronized long retryAfter(long now) {
            return Math.max(0, lockedUntil - now);
        }

        /** True when this failure locked the network. */
        synchronized boolean fail(long now, LoginConfig c) {
            long windowMs = c.networkWindow().toMillis();
            while (!failures.isEmpty() && failures.peekFirst() <= now - windowMs) {
                failures.pollFirst();
            }
            failures.addLast(now);
            if (failures.size() >= c.maxFailuresPerNetwork()) {
                failures.clear();
                lockedUntil = now + c.networkLockout().toMillis();
                return true;
            }
            return false;
        }
    }
}
