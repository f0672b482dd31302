package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconStageTest {
    private static Verdict run(ModerationConfig config, String room, String text) {
        StagedPipeline p = Fixtures.pipeline();
        MessageContext ctx = new MessageContext(room, "m", org.kindred.protocol.Role.MEMBER, null, Fixtures.LONG_AGO,
                Fixtures.NOW, text);
        Evaluation e = Fixtures.evaluation(ctx, config);
        new ShapeStage(2000).apply(e);
        new LexiconStage(p.lexicon()).apply(e);
        return new VerdictAssembler(new StrikeTracker(3, 600, 600, 100)).assemble(e);
    }

    private static Verdict run(String text) {
        return run(ModerationConfig.defaults(), "lobby", text);
    }

    @Test
    void masksExactlyTheOriginalCharactersOfProfanity() {
        Verdict v = run("well f.u.c.k that, and $h1t too");
        assertEquals(Outcome.MASK, v.outcome());
        assertEquals("well ******* that, and **** too", v.text());
        assertEquals(Set.of(Categories.PROFANITY), v.categories());
        assertFalse(v.alertModerators());
        assertEquals(Notice.MASKED, v.notices().get(0).code());
    }

    @Test
    void masksEvasionsWithZeroWidthAndHomoglyphs() {
        Verdict v = run("what the f\u200Bu\u0441k"); // zero-width space, Cyrillic es
        assertEquals("what the *****", v.text());
        assertEquals(Outcome.MASK, run("FUUUUUCK").outcome());
        assertEquals("********", run("FUUUUUCK").text());
    }

    @Test
    void blocksSevereCategoriesWithAReasonAndAlert() {
        Verdict v = run("just k y s already");
        assertEquals(Outcome.BLOCK, v.outcome());
        assertTrue(v.categories().contains(Categories.SELF_HARM_INCITEMENT));
        assertTrue(v.alertModerators());
        assertTrue(v.reason().english().contains("harm themselves"), v.reason().english());
        Verdict threat = run("i'm g0nna stab you");
        assertEquals(Outcome.BLOCK, threat.outcome());
        assertEquals(Set.of(Categories.THREAT), threat.categories());
        Verdict sexual = run("send nudes");
        assertEquals(Outcome.BLOCK, sexual.outcome());
        assertFalse(sexual.alertModerators());
    }

    @Test
    void leavesFirstPersonDistressAndLookAlikesAlone() {
        for (String text : new String[] {"I want to kill myself", "I'm going to hurt myself tonight",
            "my therapist said the class assignment was about Dickens", "a cocktail in Scunthorpe, Essex",
            "grape analysis of cumulative shitake yield", "nobody would miss me"}) {
            Verdict v = run(text);
            assertEquals(Outcome.DELIVER, v.outcome(), text);
            assertEquals(text, v.text());
        }
    }

    @Test
    void roomOverridesChangeTheAction() {
        ModerationConfig config = ModerationConfig.builder()
                .room("strict", Map.of(Categories.PROFANITY, Action.BLOCK))
                .room("venting", Map.of(Categories.PROFANITY, Action.ALLOW))
                .room("careful", Map.of(Categories.PROFANITY, Action.HOLD))
                .build();
        assertEquals(Outcome.BLOCK, run(config, "strict", "oh shit").outcome());
        assertTrue(run(config, "strict", "oh shit").reason().english().contains("swearing"));
        assertEquals(Outcome.DELIVER, run(config, "venting", "oh shit").outcome());
        assertEquals(Outcome.HOLD, run(config, "careful", "oh shit").outcome());
        assertEquals(Outcome.MASK, run(config, "lobby", "oh shit").outcome());
    }
    /**
     * Issue 12: "stfu fag" came out "**** fag". Short slur forms with a harmless homograph (a "fag"
     * is also a cigarette in British English, a "dyke" an embankment) were left out of the lexicon
     * entirely, so only the abbreviation next to them was masked. Every slur occurrence is found,
     * whatever stands next to it; the harmless senses are allow-listed phrases.
     */
    @Test
    void everySlurNextToAnAbbreviationIsFoundAndMaskedWhereSlursAreMasked() {
        ModerationConfig masking = ModerationConfig.builder()
                .room("masked", Map.of(Categories.SLUR, Action.MASK)).build();
        assertEquals("**** ***", run(masking, "masked", "stfu fag").text());
        assertEquals("*** **** lmao, ***", run(masking, "masked", "fag stfu lmao, fag").text());
        assertEquals("ok **** *****", run(masking, "masked", "ok gtfo dykes").text());
        assertEquals(Outcome.BLOCK, run("stfu fag").outcome(), "slurs are blocked by default");
        assertEquals(Set.of(Categories.PROFANITY, Categories.SLUR), run("stfu fag").categories());
        assertEquals(Outcome.BLOCK, run("u f4g").outcome());
        for (String benign : new String[] {"going out for a fag break", "I had a fag and calmed down",
            "found a fag end in my coat", "bought a packet of fags, trying to quit", "walked along Offa's Dyke"}) {
            assertEquals(Outcome.DELIVER, run(benign).outcome(), benign);
        }
    }
}
