package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictAssemblerTest {
    private final VerdictAssembler assembler = new VerdictAssembler(new StrikeTracker(3, 600, 900, 100));

    @Test
    void blockBeatsHoldBeatsMask() {
        Evaluation e = Fixtures.evaluation("abc def ghi");
        e.found(Categories.PROFANITY, 0, 3);
        e.found(Categories.LINK, 4, 7);
        assertEquals(Outcome.HOLD, assembler.assemble(e).outcome());
        assertEquals("*** def ghi", assembler.assemble(e).text());
        e.found(Categories.THREAT, 8, 11);
        Verdict v = assembler.assemble(e);
        assertEquals(Outcome.BLOCK, v.outcome());
        assertNull(v.text());
        assertEquals(Set.of(Categories.PROFANITY, Categories.LINK, Categories.THREAT), v.categories());
        assertTrue(v.alertModerators());
    }

    @Test
    void masksOneStarPerCodePointAndMergesOverlaps() {
        Evaluation e = Fixtures.evaluation("x 😀😀 y");
        e.found(Categories.PROFANITY, 2, 6);
        e.found(Categories.PROFANITY, 4, 6);
        assertEquals("x ** y", assembler.assemble(e).text());
    }

    @Test
    void explainsContactAndWordMasksSeparately() {
        Evaluation e = Fixtures.evaluation("abc def");
        e.found(Categories.CONTACT, 0, 3);
        e.found(Categories.PROFANITY, 4, 7);
        List<Notice> notices = assembler.assemble(e).notices();
        assertEquals(2, notices.size());
        assertTrue(notices.get(0).text().english().contains("anonymity"));
        assertTrue(notices.get(1).text().english().contains("guidelines"));
    }

    @Test
    void threeSevereBlocksWithinTheWindowAskForAMute() {
        long t = Fixtures.NOW;
        assertEquals(0, block("m", t).autoMuteSeconds());
        assertEquals(0, block("m", t + 60_000).autoMuteSeconds());
        assertEquals(0, block("other", t + 60_000).autoMuteSeconds());
        assertEquals(900, block("m", t + 120_000).autoMuteSeconds());
        assertEquals(0, block("m", t + 130_000).autoMuteSeconds(), "counting starts afresh after a mute");
        assertEquals(0, block("x", t).autoMuteSeconds());
        assertEquals(0, block("x", t + 700_000).autoMuteSeconds());
        assertEquals(0, block("x", t + 1_400_000).autoMuteSeconds(), "strikes outside the window do not add up");
    }

    @Test
    void nonSevereBlocksDoNotCountTowardsAMute() {
        for (int i = 0; i < 5; i++) {
            Evaluation e = Fixtures.evaluation(Fixtures.ctx("lobby", "s", org.kindred.protocol.Role.MEMBER,
                    Fixtures.LONG_AGO, Fixtures.NOW + i, 0, "spam"), ModerationConfig.defaults());
            e.found(Categories.SPAM, 0, 4);
            assertEquals(0, assembler.assemble(e).autoMuteSeconds());
        }
    }

    @Test
    void verdictRejectsInconsistentFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new Verdict(Outcome.BLOCK, "text", Set.of(),
                        org.kindred.server.i18n.Sentence.of("moderation.held"), 0, false, List.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Verdict(Outcome.DELIVER, null, Set.of(), null, 0, false, List.of(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Verdict(Outcome.RATE_LIMITED, null, Set.of(), null, 10, false, List.of(), 0));
    }

    private Verdict block(String member, long now) {
        Evaluation e = Fixtures.evaluation(Fixtures.ctx("lobby", member, org.kindred.protocol.Role.MEMBER,
                Fixtures.LONG_AGO, now, 0, "bad"), ModerationConfig.defaults());
        e.found(Categories.HARASSMENT, 0, 3);
        return assembler.assemble(e);
    }
}
