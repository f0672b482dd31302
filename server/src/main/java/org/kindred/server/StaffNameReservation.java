package org.kindred.server;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kindred.server.session.NickRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members may not take a staff account's name: the accounts' names are read from the store into
 * {@link NickRules} at once, then every 5 s on the store's timer thread (off the event loops), so
 * an account made or renamed meanwhile is reserved within seconds.
 */
final class StaffNameReservation {
    private static final Logger LOG = LoggerFactory.getLogger(StaffNameReservation.class);

    private StaffNameReservation() {
    }

    /**
     * Reserves the names now (on the calling thread) and schedules the refresh on {@code timer}.
     * A failed read is logged (its exception class only) and the names stay as they were until
     * the next turn.
     */
    static void start(StaffServices staff, NickRules nicks, ScheduledExecutorService timer) {
        refresh(staff, nicks);
        timer.scheduleWithFixedDelay(() -> refresh(staff, nicks), 5, 5, TimeUnit.SECONDS);
    }

    private static void refresh(StaffServices staff, NickRules nicks) {
        try {
            nicks.reserveStaffNames(staff.accounts().list().stream().map(a -> a.name()).toList());
        } catch (RuntimeException e) {
            LOG.warn("staff names not refreshed error={}", e.getClass().getSimpleName());
        }
    }
}
