package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.transport.StallWatchdog;
import org.slf4j.LoggerFactory;

/**
 * The stall watchdog in a running server: a task that holds an event loop is reported while it
 * still runs (log event and gauge), and once it ends it is counted in the
 * {@code kindred_event_loop_stall_seconds} histogram at {@code /metrics}.
 */
class EventLoopStallTest {
    private static final Pattern STALL = Pattern.compile(
            "event loop stall thread=(kindred-(?:loop|accept)-[0-9-]+) ms=(\\d+) state=(running|ended)"
                    + "(?: unlogged=\\d+)?");
    private final Logger logger = (Logger) LoggerFactory.getLogger(StallWatchdog.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        logs.start();
        logger.addAppender(logs);
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        logger.detachAppender(logs);
        server.close();
    }

    @Test
    void aTaskHoldingALoopIsReportedWhileItRunsAndCountedWhenItEnds() throws Exception {
        // a busy test machine can pause every loop at start-up: begin once nothing is stalled
        await(() -> value(server.server().metrics().scrape(), "kindred_event_loop_stalled") == 0, "a quiet server");
        long before = server.server().metrics().eventLoopStalls();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String[] loopThread = new String[1];
        server.server().rooms().get("general").execute(() -> {
            loopThread[0] = Thread.currentThread().getName();
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS); // stuck, like a task that never returns
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        String thread = loopThread[0];
        int runningBefore = lines(thread, "running").size();
        int endedBefore = lines(thread, "ended").size();
        try {
            await(() -> lines(thread, "running").size() > runningBefore,
                    "a log event while the task is still running");
            assertTrue(value(server.server().metrics().scrape(), "kindred_event_loop_stalled") >= 1,
                    "the gauge sees it now");
            assertEquals(endedBefore, lines(thread, "ended").size(), "not ended yet");
            Thread.sleep(200); // hold it ~200 ms in all
        } finally {
            release.countDown();
        }

        await(() -> lines(thread, "ended").size() > endedBefore, "a log event when it ends");
        Matcher ended = STALL.matcher(lines(thread, "ended").get(endedBefore));
        assertTrue(ended.matches());
        assertTrue(Long.parseLong(ended.group(2)) >= 200, "the whole stall: " + ended.group(2) + " ms");
        assertTrue(server.server().metrics().eventLoopStalls() >= before + 1);

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("# TYPE kindred_event_loop_stall_seconds histogram"), metrics);
        assertTrue(metrics.contains("kindred_event_loop_stall_seconds_bucket{le=\"0.1\"}"));
        assertTrue(value(metrics, "kindred_event_loop_stall_seconds_count") >= 1);
        assertTrue(value(metrics, "kindred_event_loop_stall_seconds_sum") >= 0.2);
        assertTrue(metrics.contains("kindred_event_loop_stalled "));

        synchronized (logs) { // AppenderBase.doAppend holds this lock while appending
            for (ILoggingEvent e : logs.list) {
                assertTrue(STALL.matcher(e.getFormattedMessage()).matches(), "only thread and duration: "
                        + e.getFormattedMessage());
            }
        }
    }

    /** The stall events logged for one thread in one state. */
    private List<String> lines(String thread, String state) {
        synchronized (logs) { // AppenderBase.doAppend holds this lock while appending
            return logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("event loop stall thread=" + thread + " ")
                            && m.contains(" state=" + state)).toList();
        }
    }

    private static double value(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).map(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name));
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
