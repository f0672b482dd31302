package org.kindred.server;

import org.kindred.server.session.NickRules;
import org.kindred.server.store.StoreJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members may not take a staff account's name: the accounts' names are read from the store into
 * {@link NickRules} at once, then every 5 s as a periodic store job ({@link StoreJobs}: on the
 * jobs' own thread, never the timer or an event loop), so an account made or renamed meanwhile is
 * reserved within seconds.
 */
final class StaffNameReservation {
    private static final Logger LOG = LoggerFactory.getLogger(StaffNameReservation.class);

    private StaffNameReservation() {
    }

    /**
     * Reserves the names now (on the calling thread; a failed read is logged, its exception class
     * only) and schedules the refresh on {@code jobs}. While a read fails (e.g. the store is
     * unreachable) the names stay as they were until one succeeds; the jobs log the outage once.
     */
    static void start(StaffServices staff, NickRules nicks, StoreJobs jobs) {
        try {
            refresh(staff, nicks);
        } catch (RuntimeException e) {
            LOG.warn("staff names not refreshed error={}", e.getClass().getSimpleName());
        }
        jobs.every("staff names", 5_000, 5_000, () -> refresh(staff, nicks));
    }

    private static void refresh(StaffServices staff, NickRules nicks) {
        nicks.reserveStaffNames(staff.accounts().list().stream().map(a -> a.name()).toList());
    }
}
