package org.kindred.server.session;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts open connections per network address, in memory only (never stored, never logged),
 * so one address cannot take more than its share of the server.
 */
public final class AddressLimiter {
    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    public AddressLimiter(int max) {
        this.max = max;
    }

    /** Counts a new connection; false (and not counted) when the address is at its limit. */
    public boolean tryAcquire(InetAddress address) {
        boolean[] ok = {false};
        open.compute(address, (a, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) {
                return n;
            }
            ok[0] = true;
            return current + 1;
        });
        return ok[0];
    }

    public void release(InetAddress address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
