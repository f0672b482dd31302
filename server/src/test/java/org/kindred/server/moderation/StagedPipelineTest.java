package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.protocol.Role;

class StagedPipelineTest {
    private final StagedPipeline pipeline = Fixtures.pipeline();

    @Test
    void deliversOrdinaryMessagesUnchanged() {
        Verdict v = Fixtures.judge("  Thanks everyone, today was a bit better than yesterday.  ");
        assertEquals(Outcome.DELIVER, v.outcome());
        assertEquals("Thanks everyone, today was a bit better than yesterday.", v.text());
        assertEquals(Set.of(), v.categories());
        assertEquals(List.of(), v.notices());
    }

    @Test
    void onesAndPipesWrittenForLAreCaught() {
        assertEquals(Outcome.BLOCK, Fixtures.judge("go ki11 yourself").outcome());
        assertEquals(Outcome.BLOCK, Fixtures.judge("just ki|| yourself already").outcome());
        Verdict masked = Fixtures.judge("such bu11shit honestly");
        assertEquals(Outcome.MASK, masked.outcome());
        assertEquals("such ******** honestly", masked.text(), "the original characters are masked");
        String benign = "Ca11 me later, I'm in room 101 at 11am on the 1st";
        assertEquals(benign, Fixtures.judge(benign).text());
        assertEquals("kill 101 ll", Evaluation.onesAsL("ki11 101 l1"), "only runs that touch a letter");
        assertEquals("room lA", Evaluation.onesAsL("room 1A"));
        assertEquals(null, Evaluation.onesAsL("11 am, 2021, 1 in 4"), "numbers alone stay as they are");
    }

    /**
     * Issue 12: "moon92@…" was blocked as a slur: the normaliser read "9" as "g" and the lexicon
     * took "oo" for a repeated "o", giving "mong". Contact details are masked under the contact
     * policy, and folding does not make slurs out of the names in them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "my email is moon92@gmail.com|my email is ****************",
        "mail moon9 at gmail dot com|mail **********************",
        "snap: moon9|snap: *****",
        "add me, moooon92@hotmail.com|add me, ********************",
    })
    void contactDetailsAreMaskedNotBlockedWhenFoldingReadsANameAsASlur(String text, String expected) {
        Verdict v = Fixtures.judge(text);
        assertEquals(Outcome.MASK, v.outcome(), text);
        assertEquals(expected, v.text());
        assertEquals(Set.of(Categories.CONTACT), v.categories());
    }

    @Test
    void namesWithNumbersAreNotReadAsSlursButSlursInAddressesStillCount() {
        assertEquals(Outcome.DELIVER, Fixtures.judge("my gamer tag is moon92").outcome(), "digits glued to a name");
        assertEquals(Outcome.DELIVER, Fixtures.judge("jake1988 says hi").outcome());
        assertEquals(Outcome.BLOCK, Fixtures.judge("aryan1488").outcome(), "a number glued to a name is still read as one");
        Verdict written = Fixtures.judge("write to nigger@example.com");
        assertEquals(Outcome.BLOCK, written.outcome(), "a slur written as is still counts inside an address");
        assertTrue(written.categories().contains(Categories.SLUR));
        assertEquals(Outcome.BLOCK, Fixtures.judge("ur a m0ng").outcome(), "leetspeak outside addresses still counts");
        ModerationConfig contactsShown = ModerationConfig.builder()
                .room("open", java.util.Map.of(Categories.CONTACT, Action.ALLOW)).build();
        StagedPipeline p = StagedPipeline.create(contactsShown, null, System::nanoTime);
        Verdict shown = p.evaluate(new MessageContext("open", "m", Role.MEMBER, null, Fixtures.LONG_AGO,
                Fixtures.NOW, "snap: n1gg3r"));
        assertEquals(Outcome.BLOCK, shown.outcome(), "where contact details are shown, folded terms in them count");
    }

    @Test
    void combinesMasksAndHoldsIntoOneVerdict() {
        MessageContext ctx = new MessageContext("lobby", "newbie", Role.MEMBER, null, Fixtures.NOW - 60_000,
                Fixtures.NOW, "shit, call 07700 900123 or see https://example.com");
        Verdict v = pipeline.evaluate(ctx);
        assertEquals(Outcome.HOLD, v.outcome());
        assertEquals("****, call ************ or see https://example.com", v.text());
        assertEquals(Set.of(Categories.PROFANITY, Categories.CONTACT, Categories.LINK), v.categories());
        assertEquals(2, v.notices().size());
        assertNotNull(v.reason());
    }

    @Test
    void refusalsStopBeforeContentChecks() {
        String member = "rapid-" + System.nanoTime();
        Verdict last = null;
        for (int i = 0; i < 6; i++) {
            last = pipeline.evaluate(new MessageContext("lobby", member, Role.MEMBER, null, Fixtures.LONG_AGO,
                    Fixtures.NOW, "kys number " + i));
        }
        assertEquals(Outcome.RATE_LIMITED, last.outcome());
        assertEquals(Set.of(), last.categories());
        assertFalse(last.alertModerators());
        assertEquals(Outcome.INVALID, Fixtures.judge("x".repeat(2001)).outcome());
    }

    @Test
    void stageOrderAndSelectionComeFromConfiguration() {
        ModerationConfig noContact = ModerationConfig.builder()
                .stages(List.of(StageName.SHAPE, StageName.LEXICON)).languages(List.of("en")).build();
        StagedPipeline p = StagedPipeline.create(noContact, null, System::nanoTime);
        Verdict v = p.evaluate(Fixtures.ctx("call 07700 900123"));
        assertEquals(Outcome.DELIVER, v.outcome());
        assertEquals(Outcome.MASK, p.evaluate(Fixtures.ctx("oh shit")).outcome(), "lexicon normalises on demand");
    }

    @Test
    void repeatedSevereAbuseAsksForAnAutomaticMute() {
        String member = "abuser-" + System.nanoTime();
        String[] abuse = {"go kill yourself", "you worthless piece of shit", "i will stab you"};
        long[] mutes = new long[3];
        for (int i = 0; i < 3; i++) {
            Verdict v = pipeline.evaluate(new MessageContext("lobby", member, Role.MEMBER, null, Fixtures.LONG_AGO,
                    Fixtures.NOW + i * 5_000L, abuse[i]));
            assertEquals(Outcome.BLOCK, v.outcome(), abuse[i]);
            mutes[i] = v.autoMuteSeconds();
        }
        assertEquals(0, mutes[0]);
        assertEquals(0, mutes[1]);
        assertEquals(600, mutes[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quiet Heron", "Sunny_Day", "Dickens Fan", "Scunthorpe Lad", "Grape.Ape", "Class-Act",
        "therapist_jo", "Cocktail Kim", "Essex Girl", "Anna Lysis", "Arsenal Fan", "Pakistani Mum", "Sauerkraut"})
    void acceptsOrdinaryNicknames(String nick) {
        assertTrue(pipeline.acceptableNick(nick), nick);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xXfuckerXx", "ShitLord", "n1gg3r", "Kill Yourself", "c u n t", "TheBastardKing",
        "f a g g o t", "Heil Hitler"})
    void refusesAbusiveNicknames(String nick) {
        assertFalse(pipeline.acceptableNick(nick), nick);
    }

    @Test
    void isSafeUnderConcurrentUse() throws Exception {
        List<String> texts = List.of("hello there", "oh shit", "kys", "call 07700 900123", "I want to die");
        List<Outcome> expected = texts.stream().map(t -> Fixtures.judge(t).outcome()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int k = i % texts.size();
                        if (Fixtures.judge(texts.get(k)).outcome() != expected.get(k)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(Outcome.DELIVER, Outcome.MASK, Outcome.BLOCK, Outcome.MASK, Outcome.DELIVER), expected);
    }
}
