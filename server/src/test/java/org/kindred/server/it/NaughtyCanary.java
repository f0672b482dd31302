package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A bystander on its own connection (and its own loopback address), in its own room, that keeps
 * asking the server something on its own thread — alternately {@code rooms} and a {@code send}
 * whose {@code sent} echo it waits for — and records the round trips and anything unexpected.
 *
 * <p>Besides the raw round trip it records a "hiccup-adjusted" one: a pacer thread sleeps 1 ms at
 * a time and notes every interval in which it could not run (the whole JVM paused for GC, or the
 * machine had no CPU for it). Time the pacer also lost cannot be the server's fault, so it is taken
 * off; a server event loop held by one client does not stop the pacer, so a real stall still shows.
 */
final class NaughtyCanary implements AutoCloseable {
    private static final long[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100};
    /**
     * Plain words after a greeting, so the canary's texts differ (no flood) without digits a lexicon might
     * read (e.g. "1488") and without words of risk talk: "still here, cloud cloud river" got a crisis card
     * from the statistical second opinion (eighteenth round), a card the canary did not ask for.
     */
    private static final String[] WORDS = {"apple", "river", "cloud", "garden", "lantern", "meadow", "pebble",
        "willow"};
    private static final int WARM_UP = 200;

    private final WsClient client;
    private final String room;
    private final Thread thread;
    private final Thread pacer;
    private final ConcurrentLinkedDeque<long[]> hiccups = new ConcurrentLinkedDeque<>();
    private final Map<String, Long> worstByPhase = new ConcurrentSkipListMap<>();
    private final long[] histogram = new long[BOUNDS_MS.length + 1];
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean measuring;
    private volatile boolean stop;
    private volatile long worstNanos;
    private volatile long worstAdjustedNanos;
    private volatile long hiccupNanos;
    private volatile String worstWhat = "nothing measured";
    private volatile int answered;
    private volatile String phase = "warm-up";

    NaughtyCanary(TestServer server, String from, String room) throws Exception {
        this.client = server.connect(Map.of(), from, true);
        server.track(client);
        this.room = room;
        expect(client.request(Map.of("type", "hello", "v", 1, "id", "ch")), "welcome");
        expect(client.request(Map.of("type", "join", "room", room, "nick", "Canary", "id", "cj")), "joined");
        thread = new Thread(this::run, "naughty-canary");
        thread.setDaemon(true);
        pacer = new Thread(this::pace, "naughty-canary-pacer");
        pacer.setDaemon(true);
    }

    private static void expect(JsonNode reply, String type) {
        if (!type.equals(reply.path("type").asText())) {
            throw new AssertionError("canary expected " + type + ", got " + reply);
        }
    }

    /** Starts asking; the first round trips warm up and are not counted. */
    void start() {
        pacer.start();
        thread.start();
    }

    /** Names what the offender is doing now, to tell which phase the slowest answers fell in. */
    void phase(String name) {
        phase = name;
    }

    private void pace() {
        while (!stop) {
            long before = System.nanoTime();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long after = System.nanoTime();
            if (after - before > 3_000_000) {
                hiccups.addLast(new long[] {before + 1_000_000, after});
                hiccupNanos = Math.max(hiccupNanos, after - before - 1_000_000);
            }
            while (!hiccups.isEmpty() && hiccups.peekFirst()[1] < after - 30_000_000_000L) {
                hiccups.pollFirst();
            }
        }
    }

    /** How much of [t0, t1] the pacer could not run. */
    private long paused(long t0, long t1) {
        long sum = 0;
        for (long[] h : hiccups) {
            sum += Math.max(0, Math.min(t1, h[1]) - Math.max(t0, h[0]));
        }
        return sum;
    }

    private void run() {
        int i = 0;
        try {
            while (!stop) {
                i++;
                boolean send = (i & 1) == 0;
                String id = "c" + i;
                long t0 = System.nanoTime();
                if (send) {
                    String words = WORDS[i / 2 % 8] + " " + WORDS[i / 16 % 8] + " " + WORDS[i / 128 % 8];
                    client.send(Map.of("type", "send", "room", room, "text", "good morning, " + words, "id", id));
                } else {
                    client.send(Map.of("type", "rooms", "id", id));
                }
                JsonNode reply = awaitReply(id);
                long t1 = System.nanoTime();
                if (reply == null) {
                    problems.add("no reply to canary request " + id + " within 5 s (during " + phase + ")");
                    return;
                }
                String want = send ? "sent" : "rooms";
                if (!want.equals(reply.path("type").asText())) {
                    problems.add("canary request " + id + " got " + reply);
                }
                measuring |= i == WARM_UP;
                if (measuring && i > WARM_UP) {
                    record(t1 - t0, t1 - t0 - paused(t0, t1), want + " #" + i);
                }
                Thread.sleep(4);
            }
        } catch (Exception e) {
            problems.add("canary failed: " + e);
        }
    }

    private void record(long rtt, long adjusted, String what) {
        answered++;
        worstByPhase.merge(phase, rtt / 1_000, Math::max);
        int b = 0;
        while (b < BOUNDS_MS.length && rtt >= BOUNDS_MS[b] * 1_000_000) {
            b++;
        }
        histogram[b]++;
        if (rtt > worstNanos) {
            worstNanos = rtt;
        }
        if (adjusted > worstAdjustedNanos) {
            worstAdjustedNanos = adjusted;
            worstWhat = what + " during " + phase + ", raw " + rtt / 1_000 + " µs";
        }
    }

    private JsonNode awaitReply(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode m = client.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (m == null) {
                continue;
            }
            if (id.equals(m.path("id").asText(null))) {
                return m;
            }
            boolean ownMessage = "message".equals(m.path("type").asText())
                    && "Canary".equals(m.path("from").path("nick").asText());
            if (!ownMessage) {
                problems.add("canary got something it did not ask for: " + m);
            }
        }
        return null;
    }

    /** Waits until the warm-up is over. */
    void awaitWarm() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!measuring && problems.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (!measuring) {
            throw new AssertionError("canary did not warm up: " + problems);
        }
    }

    /** Worst round trip with the time the whole process was paused taken off, in ms. */
    double worstAdjustedMs() {
        return worstAdjustedNanos / 1e6;
    }

    /** Worst raw round trip, in ms. */
    double worstMs() {
        return worstNanos / 1e6;
    }

    String worstWhat() {
        return worstWhat;
    }

    /** Worst raw round trip per phase (µs), the histogram of raw round trips and the longest pause seen. */
    String stats() {
        return answered + " answers; raw worst " + String.format("%.1f", worstMs()) + " ms; worst µs by phase "
                + worstByPhase + "; histogram <1/<2/<5/<10/<20/<50/<100/more ms " + Arrays.toString(histogram)
                + "; longest process pause " + hiccupNanos / 1_000_000 + " ms";
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    boolean connected() {
        return !client.isClosed();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
        pacer.join(1_000);
    }
}
