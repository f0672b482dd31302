package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.kindred.server.metrics.Metrics;

class StallWatchdogTest {

    @Test
    void thresholdsOutOfRangeAreRefusedWithWhatIsExpected() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofNanos(999_999), Duration.ofSeconds(61), null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new StallWatchdog(List.of(), bad, new Metrics()));
            assertTrue(e.getMessage().endsWith("(expected: 1 ms to 60 s)"), e.getMessage());
        }
    }

    @Test
    void aLoopSpinningInAnEndlessLoopIsReportedWhileItSpinsAndCountedOnceFreed() throws Exception {
        DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
        Metrics metrics = new Metrics();
        List<EventExecutor> loops = new ArrayList<>();
        group.forEach(loops::add);
        try (StallWatchdog watchdog = new StallWatchdog(loops, Duration.ofMillis(50), metrics).start()) {
            await(() -> watchdog.stalledNow() == 0, "a quiet loop");
            long before = metrics.eventLoopStalls();
            SpinUntilFreed spin = new SpinUntilFreed();
            group.execute(spin);
            try {
                await(() -> watchdog.stalledNow() == 1, "the stall seen while the loop still spins");
                assertEquals(before, metrics.eventLoopStalls(), "counted in the histogram only when it ends");
                assertTrue(metrics.scrape().contains("kindred_event_loop_stalled 1.0"));
            } finally {
                spin.free = true;
            }
            await(() -> metrics.eventLoopStalls() > before && watchdog.stalledNow() == 0, "the stall ended");
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    /** A task that never returns on its own. */
    private static final class SpinUntilFreed implements Runnable {
        volatile boolean free;

        @Override
        public void run() {
            while (!free) {
                Thread.onSpinWait();
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
