package org.kindred.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kindred.server.common.NamedThreads;
import org.kindred.server.config.ConfigErrors;
import org.kindred.server.config.ConfigException;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.moderator.Fingerprinter;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.store.Mute;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of the server, opened once: the store in the data directory (or PostgreSQL),
 * the network fingerprinter with its secret ({@code --secret-key-file}, else the data directory's), the blocking executor every store call runs on
 * (never an event loop), the timer thread, and the periodic store jobs' own thread. Closing it
 * stops the threads and closes the store.
 *
 * @param store        where everything durable lives
 * @param fingerprinter turns an address into the network fingerprint bans and limits use
 * @param blocking     two threads for store work, named {@code kindred-store-N}
 * @param scheduler    one timer thread ({@code kindred-timer-1}); a cancelled task leaves its queue at once.
 *                     Its tasks must not block: periodic store work goes through {@code jobs}
 * @param jobs         the periodic store jobs: scheduled on {@code scheduler}, run on their own
 *                     thread ({@code kindred-store-jobs-1}), one run of each at a time; knows
 *                     whether the store answers ({@link StoreJobs#knownDown})
 */
public record StoreServices(Store store, Fingerprinter fingerprinter, ExecutorService blocking,
        ScheduledExecutorService scheduler, StoreJobs jobs) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreServices.class);

    /**
     * Opens the store named by {@code config} ({@code --database}, else SQLite in the data
     * directory) with the retention periods of the {@code store} section, the fingerprint secret,
     * and starts the executors and the hourly retention purge.
     *
     * @throws ConfigException         the {@code store} section is not valid (nothing is opened)
     * @throws UncheckedIOException    the fingerprint secret cannot be read or created (the store is closed again)
     */
    public static StoreServices open(KindredConfig config, JsonNode storeSection) {
        StoreConfig retention = storeConfig(storeSection); // fail before opening anything
        Store store = org.kindred.server.store.jdbc.Stores.open(config.database(), config.dataDir(), retention,
                System.getenv());
        Fingerprinter fingerprinter;
        try {
            fingerprinter = config.secretKeyFile() != null // one secret for every node of a cluster
                    ? new Fingerprinter(org.kindred.server.config.SecretKeyFile.read(config.secretKeyFile()))
                    : Fingerprinter.open(config.dataDir());
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot open the fingerprint secret in " + config.dataDir(), e);
        } catch (RuntimeException e) { // the shared secret file changed since the configuration was checked
            store.close();
            throw e;
        }
        return over(store, fingerprinter);
    }

    /**
     * Starts the executors over an open {@code store} (which it closes with them) and schedules
     * the hourly retention purge as a store job.
     */
    static StoreServices over(Store store, Fingerprinter fingerprinter) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, NamedThreads.numbered("kindred-timer"));
        timer.setRemoveOnCancelPolicy(true); // a cancelled check-in or timeout must not stay queued until its due time
        // the periodic store jobs' own thread: neither the timer nor the store's request threads wait for them
        ExecutorService jobThread = Executors.newSingleThreadExecutor(NamedThreads.numbered("kindred-store-jobs"));
        StoreServices opened = new StoreServices(store, fingerprinter,
                Executors.newFixedThreadPool(2, NamedThreads.numbered("kindred-store")), timer,
                new StoreJobs(timer, jobThread));
        opened.jobs.every("retention purge", TimeUnit.MINUTES.toMillis(1), TimeUnit.HOURS.toMillis(1), opened::purge);
        return opened;
    }

    /** Gives each room the automatic and moderator mutes still running from before a restart. */
    public void restoreMutes(RoomRegistry rooms, long now) {
        for (Mute m : store.mutes().listActive(now)) {
            var room = rooms.get(m.room());
            if (room != null) {
                room.controls().restoreMute(m.memberId(), m.until());
            }
        }
    }

    /** One retention purge; a failure is logged by the jobs (once per outage). */
    private void purge() {
        var r = store.purgeExpired(System.currentTimeMillis());
        LOG.info("retention purge done result={}", r);
    }

    private static final Set<String> STORE_KEYS = Set.of("reportRetentionDays", "escalationRetentionDays",
            "heldRetentionDays", "auditRetentionDays");

    /**
     * Reads and checks the {@code store} section (retention periods in whole days).
     *
     * @throws ConfigException one line naming the bad key, its value and what was expected
     */
    static StoreConfig storeConfig(JsonNode s) {
        if (!s.isObject()) {
            throw new ConfigException("store: " + ConfigErrors.show(s) + " (expected: a mapping of key: value)");
        }
        for (var it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!STORE_KEYS.contains(k)) {
                throw ConfigErrors.unknownKey("store." + k, k, STORE_KEYS);
            }
        }
        try {
            return new StoreConfig(
                    days(s, "reportRetentionDays", StoreConfig.DEFAULT_REPORT_RETENTION),
                    days(s, "escalationRetentionDays", StoreConfig.DEFAULT_ESCALATION_RETENTION),
                    days(s, "heldRetentionDays", StoreConfig.DEFAULT_HELD_RETENTION),
                    days(s, "auditRetentionDays", StoreConfig.DEFAULT_AUDIT_RETENTION));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("store: " + e.getMessage(), e);
        }
    }

    private static Duration days(JsonNode s, String key, Duration dflt) {
        JsonNode n = s.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
            throw new ConfigException("store." + key + ": " + ConfigErrors.show(n)
                    + " (expected: a whole number of days >= 1)");
        }
        return Duration.ofDays(n.asInt());
    }

    /** Stops the timer, lets store work and a running store job finish (up to 5 s each), then closes the store. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        blocking.shutdown();
        ExecutorService jobThread = (ExecutorService) jobs.work();
        jobThread.shutdown();
        try {
            blocking.awaitTermination(5, TimeUnit.SECONDS);
            jobThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
