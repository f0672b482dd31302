package org.kindred.server.moderation;

/**
 * Counts severe blocks per member; when {@code strikes} fall within {@code window}, asks for an
 * automatic temporary mute and starts counting afresh. Bounded, forgets idle members. Thread-safe.
 */
final class StrikeTracker {
    private static final long NONE = Long.MIN_VALUE;
    private final int strikes;
    private final long windowMillis;
    private final long muteSeconds;
    private final IdleMap<String, long[]> recent;

    StrikeTracker(int strikes, long windowSeconds, long muteSeconds, long maxMembers) {
        this.strikes = strikes;
        this.windowMillis = windowSeconds * 1000;
        this.muteSeconds = muteSeconds;
        this.recent = new IdleMap<>(maxMembers, Math.max(60, windowSeconds) * 1000);
    }

    /** Records a severe block; returns the mute to apply in seconds, or 0. */
    long strike(String memberId, long nowMillis) {
        if (muteSeconds == 0) {
            return 0;
        }
        long[] times = recent.get(memberId, nowMillis, k -> empty(strikes));
        synchronized (times) {
            int inWindow = 1;
            int oldest = 0;
            for (int i = 0; i < times.length; i++) {
                if (times[i] != NONE && nowMillis - times[i] < windowMillis) {
                    inWindow++;
                }
                if (times[i] < times[oldest]) {
                    oldest = i;
                }
            }
            if (inWindow >= strikes) {
                java.util.Arrays.fill(times, NONE);
                return muteSeconds;
            }
            times[oldest] = nowMillis;
            return 0;
        }
    }

    private static long[] empty(int size) {
        long[] times = new long[size];
        java.util.Arrays.fill(times, NONE);
        return times;
    }
}
