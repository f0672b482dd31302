package org.kindred.server.moderator;

import java.util.ArrayDeque;
import java.util.List;
import org.kindred.protocol.ModEvent;

/**
 * The latest alerts, oldest first, so that a console that reloads still shows them: at most
 * {@link ModeratorHub#RECENT_ALERTS}, none older than {@link ModeratorHub#RECENT_ALERT_MS}. Memory
 * only. Thread-safe.
 */
final class RecentAlerts {
    private final ArrayDeque<ModEvent.Alert> alerts = new ArrayDeque<>();

    /** Keeps {@code alert}, forgetting the oldest beyond the limit. */
    synchronized void add(ModEvent.Alert alert) {
        alerts.addLast(alert);
        while (alerts.size() > ModeratorHub.RECENT_ALERTS) {
            alerts.removeFirst();
        }
    }

    /** The alerts of the last {@link ModeratorHub#RECENT_ALERT_MS} before {@code now} (epoch ms), oldest first. */
    synchronized List<ModEvent.Alert> since(long now) {
        while (!alerts.isEmpty() && alerts.peekFirst().ts() < now - ModeratorHub.RECENT_ALERT_MS) {
            alerts.removeFirst();
        }
        return List.copyOf(alerts);
    }
}
