package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.BUNDLED;
import static org.kindred.server.crisis.RulesAlone.NORMALIZER;
import static org.kindred.server.crisis.RulesAlone.level;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Sixteenth round, the engine: risk words written with masks, broken up or with ambiguous leetspeak
 * ({@link MaskedWords}, {@link Tokenizer}), in four languages, and look-alikes that stay quiet. The
 * lines of {@code masked-round16.tsv} were written for this round, not taken from a labelled set.
 */
class RiskMaskedWordsTest {

    @Test
    void maskedShortRiskWordsAreReadInFourLanguages() {
        assertEquals(RiskLevel.HIGH, level("i want to k*ll myself"));
        assertEquals(RiskLevel.HIGH, level("i just want to k**l myself"), "letters the normaliser joined keep their masks");
        assertEquals(RiskLevel.HIGH, level("i just want to d*e"));
        assertEquals(RiskLevel.IMMINENT, level("i'm going to k*ll myself tonight"));
        assertEquals(RiskLevel.HIGH, level("ya no quiero vivir, me quiero m*tar"));
        assertEquals(RiskLevel.IMMINENT, level("esta noche me m*to"));
        assertEquals(RiskLevel.HIGH, level("ich will nicht mehr leben, ich will st*rben"));
        assertEquals(RiskLevel.HIGH, level("j'ai envie de me t*er"));
        assertEquals(RiskLevel.HIGH, level("je veux m*urir"));
        assertEquals(RiskLevel.HIGH, level("je veux cr*ver"));
    }

    @Test
    void brokenUpWordsAndABarForAnI() {
        assertEquals(RiskLevel.HIGH, level("thinking about sui-cide every day"));
        assertEquals(RiskLevel.HIGH, level("quiero sui.cidarme"));
        assertEquals(RiskLevel.HIGH, level("i want to k|ll myself"));
        assertEquals(RiskLevel.HIGH, level("been thinking about su|c|de again"));
        assertEquals("suicide", last("thinking about su|c|de"));
    }

    @Test
    void doubleLettersAndAmbiguityDecide() {
        // "kms" spelled with a hidden letter would be "k*s"; "k*ss" has four letters: kiss, not kms
        assertNull(level("i could k*ss myself for remembering that"));
        assertEquals("kil", last("k*ll"), "the listed word as the rules write it");
        MaskedWords two = new MaskedWords(Set.of("kill", "kell"));
        assertNull(two.read("k*ll"), "two words fit: none is taken");
        MaskedWords one = new MaskedWords(Set.of("kill"));
        assertEquals("kill", one.read("k*ll"));
        assertEquals("kill", one.read("k**l"));
        assertNull(one.read("k***"), "fewer letters shown than hidden");
        assertNull(one.read("*ill"), "the first letter is always shown");
        assertNull(one.read("ki*ll"), "a hidden letter is a letter: the length must fit");
    }

    @Test
    void maskedWordsThatFitNoRiskWordStayQuiet() {
        assertNull(level("i almost sh*t myself laughing"), "'sh' of 'sh*t' is a fragment, not self-harm");
        assertNull(level("gonna k!ll it at the gym today"));
        assertNull(level("tickets are $5 and parking is $10"));
        assertNull(level("my wifi password is Sun$h1ne_99"));
        assertNull(level("that was so much fun ^_^ *_* x_x"));
        assertNull(level("what the f*ck is this weather"));
        assertNull(level("m*erda, perdí el bus"));
        assertNull(level("sch**ße, der zug ist schon wieder weg"));
        assertNull(level("p*tain il fait froid"));
        assertNull(level("self-harm awareness week starts monday, we made posters"));
        List<String> fragments = texts("sh*t happens");
        assertEquals(List.of("sh*", "t*", "hapens"), fragments, "pieces of a masked word that fits nothing");
        assertEquals(List.of("self", "harm"), texts("self_harm"), "pieces of three letters or more stay words");
        assertEquals(RiskLevel.HIGH, level("#want_to_die tbh"), "underscores join words: 'to' is no fragment");
    }

    /** Every line of the round's list: each risk line at its level but one, no benign line with a card. */
    @Test
    void theRoundsList() throws IOException {
        int risk = 0;
        int exact = 0;
        int benign = 0;
        for (String[] line : lines("crisis/masked-round16.tsv")) {
            RiskLevel got = level(line[2]);
            if (line[0].equals("none")) {
                benign++;
                assertNull(got, () -> "benign, no card: " + line[2]);
            } else {
                risk++;
                exact += RiskLevel.valueOf(line[0].toUpperCase(java.util.Locale.ROOT)) == got ? 1 : 0;
            }
        }
        assertTrue(risk >= 40 && benign >= 25, risk + " risk, " + benign + " benign");
        // "i c*t myself": the normaliser joins the spaced single letters "i c t" before the mask is seen
        assertEquals(risk - 1, exact, "risk lines at their level");
    }

    @Test
    void eachTokenIsTriedInOneRunOnly() {
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("k*ll*ki*ll*k ".repeat(3_000)));
        assertEquals(5 * 3_000, t.length, "runs of four pieces and one left over, none fits: every piece stays");
        Token[] long1 = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("a*".repeat(20_000) + "b"));
        assertTrue(long1.length > 0);
        Token[] read = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("k*ll ".repeat(5_000)));
        assertEquals(5_000, read.length);
        assertTrue(java.util.Arrays.stream(read).allMatch(x -> x.text.equals("kil")));
    }

    @Test
    void aMaskWordMustBeOneWordOfLetters() {
        assertThrows(IllegalArgumentException.class,
                () -> RiskRulesLoader.spellings(NORMALIZER, List.of("kill myself"), "maskWords"));
        assertThrows(IllegalArgumentException.class, () -> RiskRulesLoader.spellings(NORMALIZER, List.of("k1ll2"), "maskWords"));
        assertEquals(Set.of("kill", "toten"), RiskRulesLoader.spellings(NORMALIZER, List.of("Kill", "töten"), "maskWords"));
        assertFalse(RiskRulesLoader.spellings(NORMALIZER, null, "maskWords").iterator().hasNext());
    }

    private static String last(String text) {
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize(text));
        return t[t.length - 1].text;
    }

    private static List<String> texts(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : BUNDLED.tokenizer.tokenize(NORMALIZER.normalize(text))) {
            out.add(t.text);
        }
        return out;
    }

    static List<String[]> lines(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = RiskMaskedWordsTest.class.getClassLoader().getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", 3));
                }
            }
        }
        return out;
    }
}
