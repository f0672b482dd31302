package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.kindred.server.it.NaughtyCorpus.Entry;
import org.kindred.server.it.NaughtyLane.Req;

/**
 * Puts every naughty value in one field of one kind of request, over real sockets, and files a
 * problem for each request whose reply breaks PROTOCOL.md. Strings are pipelined (a window of
 * requests in flight); raw JSON values go one at a time so a reply that lost its id can still be
 * told apart. When a connection dies or stalls, the requests it left unanswered are sent again one
 * at a time on fresh connections, so the culprit is named. Problems are keyed {@code field#entry},
 * e.g. {@code text#blns-12}.
 */
final class NaughtyFields {
    static final int WINDOW = Integer.getInteger("naughty.window", 32);
    static final long QUIET_MS = 5_000;
    /** Longest a field's phase may run before it is reported as not finishing. */
    static final long PHASE_LIMIT_MS = 180_000;
    static final int FRAME_LIMIT = 16 * 1024;
    private static final int MAX_LANES = 25;

    /** How one field is exercised. */
    static final class Phase {
        final String field;
        final Callable<NaughtyLane> open;
        final BiFunction<Entry, String, String> frame;
        final Function<Req, String> check;
        int window = WINDOW;
        /** The id to send for an entry (null result: the frame carries no usable id); default: generated. */
        Function<Entry, String> id;
        /**
         * A reply that means "ask again later": by default {@code rate_limited}, a valid answer that says
         * nothing about the value (limits this test cannot raise, e.g. joins or reports per member).
         */
        Predicate<Req> retry = r -> "rate_limited".equals(r.code());
        /** After a reply: follow-ups on the lane; false when the lane is used up (e.g. after welcome). */
        FollowUp after = (r, lane, sent) -> true;

        Phase(String field, Callable<NaughtyLane> open, BiFunction<Entry, String, String> frame,
                Function<Req, String> check) {
            this.field = field;
            this.open = open;
            this.frame = frame;
            this.check = check;
        }
    }

    interface FollowUp {
        boolean apply(Req r, NaughtyLane lane, List<Req> sent) throws Exception;
    }

    private final TestServer server;
    private final List<Entry> corpus;
    final Map<String, String> problems;
    final Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
    /** Field to the entries that were actually sent in it. */
    final Map<String, Set<String>> tested = new HashMap<>();
    private int addresses;
    /** Set when fresh connections cannot even be set up: the server as a whole stopped answering. */
    private String serverDown;

    NaughtyFields(TestServer server, List<Entry> corpus, Map<String, String> problems) {
        this.server = server;
        this.corpus = corpus;
        this.problems = problems;
    }

    /** A member on a fresh connection from its own loopback address (127.0.1.x); optionally hello and join. */
    NaughtyLane lane(boolean hello, String room, String nick) throws Exception {
        WsClient c = connect(server, "127.0.1." + (1 + addresses++ % 250));
        NaughtyLane lane = new NaughtyLane(c);
        if (hello) {
            call(lane, "{\"type\":\"hello\",\"v\":1,\"id\":\"setup-hello\"}", "setup-hello", "welcome");
        }
        if (room != null) {
            // a dropped lane keeps its seat (and nick) for the resume window, so every lane gets its own nick
            call(lane, "{\"type\":\"join\",\"id\":\"setup-join\",\"room\":\"" + room + "\",\"nick\":\"" + nick + " "
                    + addresses + "\"}", "setup-join", "joined");
        }
        return lane;
    }

    /**
     * Connects within {@link #QUIET_MS}: the upgrade is answered by an event loop too, and a held one
     * would otherwise block the test forever (the blocked attempt is left to die with the server).
     */
    static WsClient connect(TestServer server, String from) throws java.io.IOException, InterruptedException {
        java.util.concurrent.FutureTask<WsClient> attempt = new java.util.concurrent.FutureTask<>(
                () -> server.connect(Map.of(), from, true));
        Thread t = new Thread(attempt, "naughty-connect");
        t.setDaemon(true);
        t.start();
        try {
            WsClient c = attempt.get(QUIET_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            server.track(c);
            return c;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new java.io.IOException("cannot connect: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("the WebSocket upgrade was not answered within " + QUIET_MS + " ms");
        }
    }

    /** A setup request that must succeed with {@code type}. */
    static JsonNode call(NaughtyLane lane, String frame, String id, String type) throws Exception {
        Req r = new Req("setup", null, id);
        lane.send(r, frame);
        if (!lane.await(r, QUIET_MS) || !type.equals(r.type())) {
            throw new AssertionError("setup request " + id + " expected " + type + ", got " + r.replies);
        }
        return r.reply();
    }

    /** A request frame: type, id, fixed string fields, then the naughty field as it is. */
    static String frame(String type, String id, String field, Entry e, String... fixed) {
        StringBuilder b = new StringBuilder("{\"type\":").append(NaughtyCorpus.quote(type));
        if (id != null) {
            b.append(",\"id\":").append(NaughtyCorpus.quote(id));
        }
        for (int i = 0; i < fixed.length; i += 2) {
            b.append(',').append(NaughtyCorpus.quote(fixed[i])).append(':').append(NaughtyCorpus.quote(fixed[i + 1]));
        }
        return b.append(',').append(NaughtyCorpus.quote(field)).append(':').append(e.json()).append('}').toString();
    }

    /** Sends every entry in the phase's field, checks every reply; returns the requests, answered or not. */
    List<Req> run(Phase p) throws Exception {
        List<Req> all = new ArrayList<>();
        if (serverDown != null) {
            return all; // every entry of this field is reported as not sent
        }
        Deque<Entry> queue = new ArrayDeque<>(corpus);
        Set<String> alone = new HashSet<>();
        Map<String, Integer> attempts = new HashMap<>();
        List<Req> inflight = new ArrayList<>();
        List<Req> onLane = new ArrayList<>();
        int[] failures = {0};
        NaughtyLane lane = open(p, failures);
        if (lane == null) {
            return all;
        }
        Map<Entry, Long> later = new java.util.LinkedHashMap<>(); // rate-limited: entry to when it may go again
        int switches = 0;
        long pauseUntil = 0; // after a short rate_limited wait, nothing new goes out on the lane before this
        int window = p.window; // halved at every rate_limited reply, so limits are met instead of fought
        long phaseDeadline = System.nanoTime() + PHASE_LIMIT_MS * 1_000_000;
        while (!queue.isEmpty() || !inflight.isEmpty() || !later.isEmpty()) {
            if (System.nanoTime() > phaseDeadline) {
                // never hang the build: a phase that cannot finish is a failure of its own
                problems.put(p.field + "#phase", "did not finish within " + PHASE_LIMIT_MS + " ms ("
                        + queue.size() + " queued, " + inflight.size() + " in flight, " + later.size() + " waiting)");
                lane.client.close();
                return all;
            }
            boolean fresh = false;
            boolean progressed;
            long now = System.nanoTime();
            later.entrySet().removeIf(w -> w.getValue() <= now && queue.add(w.getKey()));
            if (inflight.isEmpty() && (queue.isEmpty() || now < pauseUntil)) {
                long until = queue.isEmpty() ? later.values().stream().min(Long::compare).orElse(now) : pauseUntil;
                Thread.sleep(Math.max(1, (until - now) / 1_000_000));
                continue;
            }
            Entry e = now < pauseUntil ? null : queue.pollFirst();
            if (e != null) {
                int attempt = attempts.merge(e.key(), 1, Integer::sum);
                boolean single = p.window == 1 || e.raw() || alone.contains(e.key());
                String id = p.id != null ? p.id.apply(e) : p.field + attempt + "-" + e.key();
                String f = p.frame.apply(e, id);
                if (NaughtyCorpus.utf8Length(f) >= FRAME_LIMIT) {
                    problems.put(p.field + "#" + e.key(), "test bug: request frame over the 16 KiB frame limit");
                    continue;
                }
                if (single && !inflight.isEmpty()) {
                    queue.addFirst(e);
                    attempts.merge(e.key(), -1, Integer::sum);
                    progressed = lane.drainTo(0, QUIET_MS);
                } else {
                    Req r = new Req(p.field, e, id);
                    inflight.add(r);
                    progressed = lane.send(r, f) && lane.drainTo(single ? 0 : window - 1, QUIET_MS);
                }
            } else {
                progressed = lane.drainTo(0, QUIET_MS);
            }
            boolean again;
            do {
                again = false;
                for (Iterator<Req> it = inflight.iterator(); it.hasNext(); ) {
                    Req r = it.next();
                    if (r.replies.isEmpty()) {
                        continue;
                    }
                    it.remove();
                    if (p.retry.test(r) && attempts.get(r.entry.key()) < 50) {
                        // a long wait is per member: go on as a new member (lane) instead, up to 100 times
                        long wait = r.reply().path("retryAfterMs").asLong(100);
                        boolean switchLane = wait > 1_000 && switches++ < 100;
                        window = Math.max(1, window / 2);
                        fresh |= switchLane;
                        long ready = System.nanoTime()
                                + (switchLane ? 0 : Math.min(2_000, Math.max(5, wait)) * 1_000_000);
                        pauseUntil = switchLane ? pauseUntil : Math.max(pauseUntil, ready);
                        later.put(r.entry, ready);
                        continue;
                    }
                    onLane.add(r);
                    all.add(r);
                    fresh |= !p.after.apply(r, lane, onLane);
                }
                if (fresh && !lane.client.isClosed() && lane.outstandingCount() > 0) {
                    // PROTOCOL.md promises no order among replies (a report is answered once the room and the
                    // store are done, after requests sent later): the lane is left only once every request sent
                    // on it was answered, else their replies would go to a closed connection
                    progressed = lane.drainTo(0, QUIET_MS);
                    again = progressed;
                }
            } while (again);
            if (!inflight.isEmpty() && lane.outstandingCount() == 0) {
                progressed = false; // answered under another request's id: nothing will come for these
            }
            if (!progressed || lane.client.isClosed()) {
                String state = lane.closeState();
                List<Req> lost = new ArrayList<>(inflight);
                lane.abandon();
                inflight.clear();
                boolean stalled = !lane.client.isClosed();
                if (!lost.isEmpty() && (stalled || lost.size() == 1)) {
                    // a stalled connection: its requests are handled in order, so the first unanswered one is
                    // the culprit; it is not sent again (elsewhere it would only hold another event loop)
                    Req r = lost.remove(0);
                    r.problem = (stalled ? "no reply within " + QUIET_MS + " ms; connection " : "no reply; connection ")
                            + state;
                    onLane.add(r);
                    all.add(r);
                    for (Req q : lost) {
                        alone.add(q.entry.key());
                        queue.addFirst(q.entry);
                    }
                } else if (lost.isEmpty() && !onLane.isEmpty()) {
                    Req r = onLane.get(onLane.size() - 1);
                    r.problem = (r.problem == null ? "" : r.problem + "; ") + "connection " + state + " after this reply";
                } else {
                    for (Req r : lost) {
                        alone.add(r.entry.key());
                        queue.addFirst(r.entry);
                    }
                }
                fresh = true;
                failures[0]++;
            }
            if (fresh) {
                finish(lane, p.field, onLane, p.check);
                onLane = new ArrayList<>();
                lane.client.close();
                lane = open(p, failures);
                if (lane == null) {
                    return all;
                }
            }
        }
        finish(lane, p.field, onLane, p.check);
        return all;
    }

    /**
     * A fresh lane for the phase, or null after {@link #MAX_LANES} failed lanes (one that died or stalled,
     * or could not even be set up, e.g. because its event loop is held: a problem of its own).
     */
    private NaughtyLane open(Phase p, int[] failures) throws Exception {
        int setupFailures = 0;
        while (failures[0] <= MAX_LANES) {
            try {
                return p.open.call();
            } catch (AssertionError | java.io.IOException e) {
                failures[0]++;
                problems.merge(p.field + "#lanes", "could not set up a connection: " + e.getMessage(),
                        (a, b) -> a.length() > 2000 ? a : a + "; " + b);
                if (++setupFailures >= 3) {
                    serverDown = "three fresh connections in a row could not be set up during the " + p.field
                            + " phase: the server stopped answering";
                    problems.put("server#unresponsive", serverDown);
                    return null;
                }
            }
        }
        problems.merge(p.field + "#lanes", "gave up after " + MAX_LANES + " failed connections", (a, b) -> a + "; " + b);
        return null;
    }

    /** Catches late duplicates, then files every request's problem. */
    void finish(NaughtyLane lane, String field, List<Req> reqs, Function<Req, String> check) throws Exception {
        if (!lane.client.isClosed()) {
            Req sentinel = new Req(field, null, "sentinel-" + field);
            lane.send(sentinel, "{\"type\":\"rooms\",\"id\":\"sentinel-" + field + "\"}");
            lane.await(sentinel, QUIET_MS);
            lane.settle(200);
        }
        for (Req r : reqs) {
            tested.computeIfAbsent(field, k -> new HashSet<>()).add(r.entry.key());
            String p = r.problem != null ? r.problem : NaughtyChecks.envelope(r);
            if (p == null) {
                p = check.apply(r);
            }
            String outcome = r.type() == null ? "none" : "error".equals(r.type()) ? r.code() : r.type();
            outcomes.computeIfAbsent(field, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            if (p != null) {
                problems.merge(field + "#" + r.entry.key(), "'" + r.entry.shown() + "': " + p, (a, b) -> a + "; " + b);
            }
        }
        for (String s : lane.strays) {
            problems.merge(field + "#stray", "reply nobody asked for: " + NaughtyChecks.brief(WsClient.JSON.readTree(s)),
                    (a, b) -> a + "; " + b);
        }
        lane.strays.clear();
    }
}
