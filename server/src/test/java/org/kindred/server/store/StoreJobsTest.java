package org.kindred.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Periodic store jobs: the timer only schedules (a job that blocks holds none of its other
 * tasks), a run still going is not started again, and the store's health follows the runs
 * (down on a {@link StoreException}, up on the next run that completes, never down for a slow
 * store), each change logged once. Every proof is a latch or a count, never a duration.
 */
class StoreJobsTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService work = Executors.newCachedThreadPool(); // as many threads as asked: only the guard stops a second run
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        timer.shutdownNow();
        work.shutdownNow();
    }

    private void await(CountDownLatch l, String what) throws InterruptedException {
        assertTrue(l.await(10, TimeUnit.SECONDS), what);
    }

    private void hang() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aJobThatBlocksHoldsNoneOfTheTimersOtherTasks() throws Exception {
        StoreJobs jobs = new StoreJobs(timer, work);
        CountDownLatch entered = new CountDownLatch(1);
        jobs.every("hangs", 0, 10, () -> {
            entered.countDown();
            hang();
        });
        await(entered, "the job started");
        CountDownLatch other = new CountDownLatch(1);
        timer.schedule(other::countDown, 20, TimeUnit.MILLISECONDS); // e.g. a presence refresh or a check-in
        await(other, "the timer's other task ran");
        assertEquals(1, release.getCount(), "while the job still blocked");
        assertFalse(jobs.knownDown(), "a store that hangs is slow, not known down");
    }

    @Test
    void aRunStillGoingIsNotStartedAgain() throws Exception {
        StoreJobs jobs = new StoreJobs(timer, work);
        AtomicInteger started = new AtomicInteger();
        CountDownLatch ticks = new CountDownLatch(6);
        CountDownLatch entered = new CountDownLatch(1);
        jobs.every("hangs", 0, 5, () -> {
            ticks.countDown();
            return true;
        }, () -> {
            started.incrementAndGet();
            entered.countDown();
            hang();
        });
        await(entered, "the first run started");
        await(ticks, "five more ticks came while it ran");
        assertEquals(1, started.get(), "no tick started a second run while the first went on");
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.get() < 2) {
            assertTrue(System.nanoTime() < deadline, "a tick after the run ended started the next");
            Thread.sleep(5);
        }
    }

    @Test
    void aJobNotDueIsNotRunAndDoesNotCountAsTheStoreAnswering() throws Exception {
        StoreJobs jobs = new StoreJobs(timer, work);
        CountDownLatch failed = new CountDownLatch(1);
        jobs.every("fails once", 0, 5, () -> {
            failed.countDown();
            throw new StoreException("the database is unreachable");
        });
        await(failed, "the failing job ran");
        awaitDown(jobs, true);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(5);
        jobs.every("never due", 0, 5, () -> {
            asked.countDown();
            return false;
        }, ran::incrementAndGet);
        await(asked, "the timer asked five times");
        assertEquals(0, ran.get(), "a job not due never ran");
        assertTrue(jobs.knownDown(), "and the store is still known down");
    }

    private static void awaitDown(StoreJobs jobs, boolean down) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jobs.knownDown() != down) {
            assertTrue(System.nanoTime() < deadline, "known down: " + down);
            Thread.sleep(5);
        }
    }

    @Test
    void anOutageIsKnownAndLoggedOnceAndItsEndOnce() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(StoreJobs.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        Level before = log.getLevel();
        log.setLevel(Level.INFO);
        try {
            StoreJobs jobs = new StoreJobs(timer, work);
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch sixFailed = new CountDownLatch(7); // the 7th run starts after the 6th ended
            CountDownLatch answered = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean storeDown = new java.util.concurrent.atomic.AtomicBoolean(true);
            jobs.every("probe", 0, 2, () -> {
                runs.incrementAndGet();
                if (storeDown.get()) {
                    sixFailed.countDown();
                    throw new StoreException("could not connect: secret details");
                }
                answered.countDown();
            });
            await(sixFailed, "six runs failed");
            assertTrue(jobs.knownDown(), "a run failing with a StoreException marks the store down");
            storeDown.set(false);
            await(answered, "a run completed");
            awaitDown(jobs, false);
            List<String> lines = seen.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, lines.stream().filter(l -> l.startsWith("store unreachable")).count(), lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.startsWith("store answers again")).count(), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("secret")), "no exception message is logged: " + lines);
        } finally {
            log.detachAppender(seen);
            log.setLevel(before);
        }
    }

    @Test
    void aFailureNotFromTheStoreDoesNotMarkItDown() throws Exception {
        StoreJobs jobs = new StoreJobs(timer, work);
        CountDownLatch twice = new CountDownLatch(2); // the 2nd run starts after the 1st ended
        jobs.every("bug", 0, 2, () -> {
            twice.countDown();
            throw new IllegalStateException("a bug");
        });
        await(twice, "the job failed");
        assertFalse(jobs.knownDown(), "only a StoreException says the store is unreachable");
    }

    @Test
    void theHealthReachesTheNumberingThroughTheFloorsItWatches() throws Exception {
        StoreJobs jobs = new StoreJobs(timer, work);
        SeqFloorStore floors = new SeqFloorStore() {
            @Override
            public long floor(String room) {
                return 7;
            }

            @Override
            public java.util.Map<String, Long> all() {
                return java.util.Map.of("r", 7L);
            }

            @Override
            public void raise(java.util.Map<String, Long> wanted) {
            }
        };
        SeqFloorStore watched = jobs.watching(floors);
        assertFalse(watched.knownDown());
        assertEquals(7, watched.floor("r"), "calls go through");
        jobs.every("fails", 0, 5, () -> {
            throw new StoreException("down");
        });
        awaitDown(jobs, true);
        assertTrue(watched.knownDown());
        assertEquals(7, watched.floor("r"), "calls still go through: the caller decides to skip");
    }
}
