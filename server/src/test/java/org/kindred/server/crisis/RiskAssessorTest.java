package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

class RiskAssessorTest {
    static final RiskAssessor ASSESSOR = TrainingYear.bundled(new Normalizer());

    static RiskAssessment assess(String text) {
        return ASSESSOR.assess(text, null);
    }

    @Test
    void levelsAndCategories() {
        RiskAssessment a = assess("I want to kill myself tonight, I have the pills");
        assertEquals(RiskLevel.IMMINENT, a.level());
        assertTrue(a.categories().contains(RiskCategory.IDEATION));
        assertTrue(a.categories().contains(RiskCategory.PLAN));
        assertTrue(a.escalates());
        assertEquals(RiskLevel.CONCERN, assess("my dad hits me").level());
        assertTrue(assess("my dad hits me").categories().contains(RiskCategory.ABUSE_DISCLOSURE));
        assertEquals(RiskLevel.HIGH, assess("I cut myself again").level());
        assertTrue(assess("I cut myself again").categories().contains(RiskCategory.SELF_HARM));
        assertNull(assess("").level());
        assertFalse(assess("   ").atRisk());
    }

    @Test
    void onesAndPipesWrittenForLAreRead() {
        assertEquals(RiskLevel.HIGH, assess("i want to ki11 myself").level(), "1 for l, doubled");
        assertEquals(RiskLevel.HIGH, assess("i want to k1ll myself").level(), "1 for i still works");
        assertEquals(RiskLevel.IMMINENT, assess("gonna kil1 myself tonight").level());
        assertEquals(RiskLevel.HIGH, assess("I keep thinking about ki11ing myself").level());
        assertNull(assess("the 1 thing that helped was walking").level(), "numbers stay numbers");
        assertNull(assess("our bi11 was too high this month").level(), "only words the rules know");
    }

    @Test
    void boostersAloneAreNothing() {
        assertNull(assess("see you tonight, bring the pills for grandma").level());
        assertNull(assess("we stood on the bridge tonight").level());
    }

    @Test
    void negationCancelsButNotAcrossASubjectOrWithAStopVerb() {
        assertNull(assess("I would never kill myself").level());
        assertNull(assess("ich will nicht sterben").level());
        assertEquals(RiskLevel.HIGH, assess("I can't stop thinking about killing myself").level());
        assertEquals(RiskLevel.HIGH, assess("I'm not ok I want to die").level());
    }

    @Test
    void someoneElseIsThirdPartyConcernAndFictionIsNothing() {
        RiskAssessment friend = assess("my friend is suicidal");
        assertEquals(RiskLevel.CONCERN, friend.level());
        assertEquals(java.util.Set.of(RiskCategory.THIRD_PARTY), friend.categories());
        assertFalse(friend.escalates());
        assertNull(assess("my favourite character is suicidal in the book").level());
        assertNull(assess("kys").level());
    }

    @Test
    void ownSignalWinsOverThirdParty() {
        RiskAssessment a = assess("my friend is suicidal and honestly I want to kill myself too");
        assertEquals(RiskLevel.HIGH, a.level());
        assertTrue(a.categories().contains(RiskCategory.IDEATION));
    }

    @Test
    void obfuscationIsSeenThrough() {
        for (String s : List.of("I W A N T  T O  D I E", "i want to diiiie", "iwanttokillmyself", "k.m.s",
                "ｉ ｗａｎｔ ｔｏ ｄｉｅ", "i w4nt to d1e", "I wаnt to diе" /* Cyrillic а, е */)) {
            assertTrue(assess(s).atRisk(), s);
        }
    }

    @Test
    void runTogetherSplittingNeverTurnsAWordFragmentIntoASignal() {
        // the rules' splitting (since round 15 the model trained on eighteen sets gives "that is just odd" a
        // card of its own, never a page: docs/crisis.md "Fifteenth round: the model")
        for (String s : List.of("that is just odd", "skilled myself at chess", "mitigating outcomes worldwide")) {
            assertNull(RulesAlone.level(s), s);
            assertFalse(assess(s).escalates(), s);
        }
    }

    @Test
    void localeOnlyDoesNotHideOtherLanguages() {
        assertEquals(RiskLevel.HIGH, ASSESSOR.assess("quiero morir", "en-US").level());
        assertEquals(RiskLevel.HIGH, ASSESSOR.assess("I want to die", "de-DE").level());
    }

    @Test
    void evidenceSpansPointIntoTheOriginal() {
        String text = "Long day at work. Honestly I want to die. Anyway, dinner?";
        RiskAssessment a = assess(text);
        RiskAssessment.Span s = a.evidence().get(0);
        assertTrue(text.substring(s.start(), s.end()).toLowerCase().contains("die"), text.substring(s.start(), s.end()));
        String excerpt = a.excerpt(text + " ".repeat(10) + "x".repeat(500), 60);
        assertTrue(excerpt.contains("die"), excerpt);
        assertTrue(excerpt.length() <= 62, excerpt);
        assertFalse(a.toString().contains("die"));
    }

    @Test
    void threadSafe() throws Exception {
        List<String> samples = List.of("this traffic is killing me", "I want to kill myself tonight",
                "Hello everyone, I had a really long day at work and I'm feeling a bit down but okay",
                "ich will nicht mehr leben", "je veux mourir", "me quiero morir", "iwanttodie", "lol");
        // speed is measured by JMH (bench: CrisisLatency / BENCHMARKS.md), never by a timed unit test
        Map<String, RiskLevel> expected = new java.util.HashMap<>();
        for (String s : samples) {
            expected.put(s, ASSESSOR.assess(s, null).level());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String s = samples.get(i % samples.size());
                        if (ASSESSOR.assess(s, null).level() != expected.get(s)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void patternSyntaxErrorsExplainTheExpectation() {
        PatternParser p = new PatternParser(new Normalizer(), Map.of());
        for (String bad : List.of("~2 die", "(want|wanna", "ki*", "ab*", "want ~9 die", "@nope die", "$ die")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.parse(bad, "test"), bad);
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
        // (now|$) is expanded into two patterns, each with three choices for the optional multi-word group
        assertEquals(6, p.parse("(a lot of|many)? pills (now|$)", "test").size());
    }
}
