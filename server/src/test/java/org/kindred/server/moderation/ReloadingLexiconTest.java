package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.Role;
import org.kindred.server.moderation.lexicon.LexiconException;

class ReloadingLexiconTest {
    private static final String HEADER = "# origin: written by the test operator\n";
    private final AtomicLong nanos = new AtomicLong();
    private int sent;

    @TempDir
    Path dataDir;

    private StagedPipeline pipeline() {
        ModerationConfig config = ModerationConfig.builder().languages(List.of("en")).lexiconReloadSeconds(5).build();
        return StagedPipeline.create(config, dataDir, nanos::get);
    }

    private Outcome judge(StagedPipeline p, String text) {
        return p.evaluate(new MessageContext("lobby", "m" + (sent++), Role.MEMBER, null, 0, Fixtures.NOW, text))
                .outcome();
    }

    private void write(String name, String body, long mtimeMillis) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("lexicons"));
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + body);
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtimeMillis));
    }

    @Test
    void operatorFilesExtendTheBundledLexiconAndReloadWithoutRestart() throws Exception {
        write("local.txt", "[profanity]\nzorblax\n", 1_000_000);
        StagedPipeline p = pipeline();
        assertEquals(Outcome.MASK, judge(p, "you zorblax"));
        assertEquals(Outcome.DELIVER, judge(p, "you quuxbeast"));
        assertEquals(Outcome.MASK, judge(p, "oh fuck"), "bundled terms are still there");

        write("local.txt", "[harassment]\nquuxbeast\n", 2_000_000);
        nanos.addAndGet(1_000_000_000L); // 1 s: not due yet
        judge(p, "tick");
        assertEquals(Outcome.DELIVER, judge(p, "you quuxbeast"), "no check before the interval");
        nanos.addAndGet(5_000_000_000L); // now due: the next message triggers a background reload
        judge(p, "tick");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (judge(p, "you quuxbeast") != Outcome.BLOCK && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(Outcome.BLOCK, judge(p, "you quuxbeast"));
        assertEquals(Outcome.DELIVER, judge(p, "you zorblax"));
    }

    @Test
    void reloadIfChangedReportsChangesOnlyOnce() throws Exception {
        StagedPipeline p = pipeline();
        assertFalse(p.lexicon().reloadIfChanged());
        write("extra.txt", "[threat]\nflibbertigibbet\n", 3_000_000);
        assertTrue(p.lexicon().reloadIfChanged());
        assertFalse(p.lexicon().reloadIfChanged());
        assertEquals(Outcome.BLOCK, judge(p, "flibbertigibbet"));
    }

    @Test
    void anOperatorFileNamedLikeABundledOneReplacesIt() throws Exception {
        write("en.txt", "[profanity]\nzorblax\n", 1_000_000);
        StagedPipeline p = pipeline();
        assertEquals(Outcome.DELIVER, judge(p, "oh fuck"));
        assertEquals(Outcome.MASK, judge(p, "oh zorblax"));
    }

    @Test
    void removalLinesInOperatorFilesTakeBundledTermsOut() throws Exception {
        write("local.txt", "[profanity]\n-bollocks\n", 1_000_000);
        StagedPipeline p = pipeline();
        assertEquals(Outcome.DELIVER, judge(p, "oh bollocks"));
        assertEquals(Outcome.MASK, judge(p, "oh shit"));
    }

    @Test
    void aBrokenFileKeepsThePreviousLexicon() throws Exception {
        write("local.txt", "[profanity]\nzorblax\n", 1_000_000);
        StagedPipeline p = pipeline();
        write("local.txt", "[profanity\nzorblax\n", 2_000_000);
        assertFalse(p.lexicon().reloadIfChanged());
        assertEquals(Outcome.MASK, judge(p, "zorblax"));
    }

    @Test
    void aBrokenFileAtStartUpIsRefused() throws Exception {
        write("local.txt", "no section\n", 1_000_000);
        assertThrows(LexiconException.class, this::pipeline);
    }
}
