package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad setting, wherever it comes from (the file, a {@code KINDRED_} variable, a flag) and
 * whichever section it is in, stops {@link Main} before anything starts: exit status 2, one
 * line on standard error naming the key, the value and what was expected, no stack trace.
 */
class MainConfigErrorsTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
        String line() {
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), "exactly one line on standard error: " + err);
            return lines.get(0);
        }
    }

    private Outcome run(Map<String, String> env, String... argv) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // no --port: a flag would hide KINDRED_PORT; every case here must fail before binding anything
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(),
                "--host", "127.0.0.1"));
        args.addAll(List.of(argv));
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Main.run(args.toArray(String[]::new),
                env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), "Main.run must return, not start a server");
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Outcome runWithFile(String yaml) throws Exception {
        Path file = dir.resolve("kindred.yaml");
        Files.writeString(file, yaml);
        return run(Map.of(), "--config", file.toString());
    }

    private void assertOneLine(Outcome o, String... parts) {
        assertEquals(2, o.code(), o.err());
        String line = o.line();
        assertTrue(line.startsWith("kindred: "), line);
        for (String p : parts) {
            assertTrue(line.contains(p), "'" + p + "' in: " + line);
        }
        assertFalse(line.contains("Exception"), line);
        assertFalse(o.err().contains("\tat "), o.err());
        assertEquals("", o.out());
        assertFalse(Files.exists(dir.resolve("data").resolve("kindred.db")), "nothing was started");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            port: 70000                                   | port: 70000 (expected: 0..65535
            port: abc                                     | port: abc (expected: a whole number)
            maxFrameBytes: [1, 2]                         | maxFrameBytes: [1,2] (expected: a whole number)
            rooms: [{id: Bad Id, title: T, capacity: 5}]  | rooms[0].id: Bad Id (expected: 1-32 of a-z
            rooms: [{id: a, title: T}]                    | rooms[0].capacity: (missing) (expected: 2..100000
            rooms: [{id: a, capacity: 5}]                 | rooms[0].title: (missing) (expected:
            moderation: {maxTextLength: 0}                | moderation.maxTextLength: 0 (expected: 1..100000)
            moderation: {enabled: maybe}                  | moderation.enabled: maybe (expected: true or false)
            moderation: {floodRepeats: lots}              | moderation.floodRepeats: lots (expected: a whole number)
            moderation: {categories: {slur: {action: zap}}} | moderation.categories.slur.action: action 'zap' (expected: allow, mask, hold or block)
            crisis: {reannounceInterval: 5x}              | crisis.reannounceInterval: 5x (expected: a duration
            crisis: {reannounceInterval: 2s}              | crisis.reannounceInterval: 2s (expected: between 10s and 1h)
            crisis: {riskMessages: hide}                  | crisis.riskMessages: hide (expected: deliver or hold)
            crisis: {rooms: {grief: hide}}                | crisis.rooms.grief: hide (expected: deliver or hold)
            store: {reportRetentionDays: 0}               | store.reportRetentionDays: 0 (expected: a whole number of days >= 1)
            store: 5                                      | store: 5 (expected: a mapping
            paging: {afterSeconds: 1}                     | paging.afterSeconds: 1 (expected: a whole number from 5 to 3600)
            http: {maxBodyBytes: 10}                      | http.maxBodyBytes: 10 (expected: a whole number 1024..16777216)
            sessions: {newBurst: 0}                       | sessions.newBurst: 0 (expected: 1..100000)
            """)
    void aBadValueInAnySectionOfTheFileIsOneLine(String yaml, String expected) throws Exception {
        assertOneLine(runWithFile(yaml), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prot: 9000                          | prot: unknown key, did you mean 'port'?
            moderators: {}                      | moderators: unknown key, did you mean 'moderation'?
            moderation: {maxTextLenght: 5}      | moderation.maxTextLenght: unknown key, did you mean 'maxTextLength'?
            moderation: {enabeld: false}        | moderation.enabeld: unknown key, did you mean 'enabled'?
            crisis: {reannounceIntervall: 2m}   | crisis.reannounceIntervall: unknown key, did you mean 'reannounceInterval'?
            store: {reportRetentionDay: 3}      | store.reportRetentionDay: unknown key, did you mean 'reportRetentionDays'?
            paging: {afterSecond: 60}           | paging.afterSecond: unknown key, did you mean 'afterSeconds'?
            http: {maxBodyByte: 2000}           | http.maxBodyByte: unknown key, did you mean 'maxBodyBytes'?
            sessions: {newBrust: 2}             | sessions.newBrust: unknown key, did you mean 'newBurst'?
            rooms: [{id: a, title: T, capacty: 5}] | rooms[0].capacty: unknown key, did you mean 'capacity'?
            """)
    void anUnknownKeyIsRefusedWithASuggestion(String yaml, String expected) throws Exception {
        assertOneLine(runWithFile(yaml), expected, "(expected: one of ");
    }

    @Test
    void brokenYamlNamesTheLineAndColumn() throws Exception {
        Outcome o = runWithFile("port: 9000\nrooms:\n  - id: a\n    title: [unclosed\n");
        assertOneLine(o, "kindred.yaml: broken YAML at line ", ", column ");
        Outcome tabs = runWithFile("port: 9000\n\tmaxText: 5\n");
        assertOneLine(tabs, "broken YAML at line 2, column ");
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() throws Exception {
        assertOneLine(run(Map.of("KINDRED_PORT", "abc")), "port: abc (expected: a whole number)",
                "(set by KINDRED_PORT)");
        assertOneLine(run(Map.of("KINDRED_SESSIONS_NEW_BURST", "0")), "sessions.newBurst: 0 (expected: 1..100000)",
                "(set by KINDRED_SESSIONS_NEW_BURST)");
        assertOneLine(run(Map.of("KINDRED_STORE_AUDIT_RETENTION_DAYS", "-1")), "store.auditRetentionDays: -1",
                "(set by KINDRED_STORE_AUDIT_RETENTION_DAYS)");
        assertOneLine(run(Map.of("KINDRED_STALL_THRESHOLD_MS", "fast")), "KINDRED_STALL_THRESHOLD_MS: fast (expected: ");
    }

    @Test
    void anUnknownKindredVariableIsRefusedWithASuggestion() throws Exception {
        assertOneLine(run(Map.of("KINDRED_PROT", "9000")), "KINDRED_PROT: unknown key, did you mean 'KINDRED_PORT'?");
        assertOneLine(run(Map.of("KINDRED_BOOTSTRAP_MODERATER", "a:b")),
                "did you mean 'KINDRED_BOOTSTRAP_MODERATOR'?");
        assertOneLine(run(Map.of("KINDRED_SESSIONS_NEWBURST", "3")), "sessions.newburst: unknown key",
                "(set by KINDRED_SESSIONS_NEWBURST)");
    }

    @Test
    void aBadFlagNamesTheFlag() throws Exception {
        assertOneLine(run(Map.of(), "--port", "eighty"), "--port: eighty (expected: a number 0..65535)");
        assertOneLine(run(Map.of(), "--prot", "80"), "unknown argument --prot, did you mean --port?");
        assertOneLine(run(Map.of(), "--config", dir.resolve("missing.yaml").toString()), "missing.yaml",
                "(expected: a readable YAML file)");
    }

    @Test
    void aBadOperatorCrisisLineFileStopsTheStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("crisis-lines.yaml"), """
                regions:
                  GB:
                    - name: Shout
                      url: https://giveusashout.org/
                      smsKeyword: SHOUT
                      languages: [en]
                      source: https://giveusashout.org/
                      checked: 2026-01-02
                """);
        assertOneLine(run(Map.of()), "crisis-lines.yaml: ", "smsKeyword", "(expected: ");
        Files.writeString(data.resolve("crisis-lines.yaml"), "regions:\n  GB:\n    - name: Samaritans\n"
                + "      phnoe: \"116 123\"\n");
        assertOneLine(run(Map.of()), "crisis-lines.yaml: phnoe: unknown key, did you mean 'phone'?");
        Files.writeString(data.resolve("crisis-lines.yaml"), "regions:\n  GB: [\n");
        assertOneLine(run(Map.of()), "crisis-lines.yaml: broken YAML at line ");
    }

    @Test
    void helpPrintsUsageToStandardOutput() throws Exception {
        Outcome o = run(Map.of(), "--help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("Usage: java -jar kindred-server.jar"), o.out());
        assertEquals("", o.err());
    }
}
