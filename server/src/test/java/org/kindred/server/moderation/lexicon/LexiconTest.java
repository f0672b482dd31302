package org.kindred.server.moderation.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;

class LexiconTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    static Lexicon compile(String file) throws IOException {
        return Lexicon.compile(LexiconParser.parse("test", new StringReader(file)).entries(), NORMALIZER);
    }

    static Lexicon bundled(String... langs) throws IOException {
        List<LexiconEntry> entries = new ArrayList<>();
        for (String lang : langs) {
            var in = LexiconTest.class.getClassLoader().getResourceAsStream("moderation/lexicons/" + lang + ".txt");
            entries.addAll(LexiconParser.parse(lang, new InputStreamReader(in, StandardCharsets.UTF_8)).entries());
        }
        return Lexicon.compile(entries, NORMALIZER);
    }

    /** Matched (normalised) substrings, in order. */
    static List<String> matches(Lexicon lexicon, String message, Lexicon.Mode mode) {
        NormalizedText t = NORMALIZER.normalize(message);
        List<String> out = new ArrayList<>();
        lexicon.scan(t, mode, (term, s, e) -> out.add(t.text().substring(s, e)));
        return out;
    }

    static Set<String> categories(Lexicon lexicon, String message) {
        NormalizedText t = NORMALIZER.normalize(message);
        Set<String> out = new TreeSet<>();
        lexicon.scan(t, Lexicon.Mode.MESSAGE, (term, s, e) -> out.addAll(term.categories()));
        return out;
    }

    private static final String SMALL = """
            # origin: test
            [profanity]
            fuck | ~
            shit | ~ | !shitake | !shiitake
            ass
            cunt | ~ | !scunthorpe
            bastard
            [self_harm_incitement]
            @not-after dont, please dont
            kill yourself
            kys
            """;

    @Test
    void matchesWholeWordsWithRepeatsAndEvasions() throws IOException {
        Lexicon lex = compile(SMALL);
        assertEquals(List.of("ass"), matches(lex, "what an ass", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("as"), matches(lex, "what an asssss", Lexicon.Mode.MESSAGE));
        assertEquals(List.of(), matches(lex, "as usual", Lexicon.Mode.MESSAGE));
        assertEquals(List.of(), matches(lex, "class assignment assassin", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("fuuck"), matches(lex, "fuuck", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("fuck"), matches(lex, "fuuuuuuck", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("kys"), matches(lex, "just k y s", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("kill yourself"), matches(lex, "go k1ll y0urs3lf", Lexicon.Mode.MESSAGE));
    }

    @Test
    void substringTermsHonourAllowLists() throws IOException {
        Lexicon lex = compile(SMALL);
        assertEquals(List.of("fuck"), matches(lex, "fuckwit", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("shit"), matches(lex, "bullshit", Lexicon.Mode.MESSAGE));
        assertEquals(List.of(), matches(lex, "shitake and shiitake mushrooms", Lexicon.Mode.MESSAGE));
        assertEquals(List.of(), matches(lex, "Scunthorpe United", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("cunt"), matches(lex, "you cunt", Lexicon.Mode.MESSAGE));
    }

    @Test
    void notAfterExemptsSupportiveNegations() throws IOException {
        Lexicon lex = compile(SMALL);
        assertEquals(List.of(), matches(lex, "please don't kill yourself", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("kill yourself"), matches(lex, "please kill yourself", Lexicon.Mode.MESSAGE));
    }

    @Test
    void nickModeMatchesLongTermsInsideWords() throws IOException {
        Lexicon lex = compile(SMALL);
        assertEquals(List.of(), matches(lex, "xXfuckerXx", Lexicon.Mode.MESSAGE).stream()
                .filter(m -> !m.equals("fuck")).toList());
        assertEquals(List.of(), matches(lex, "TheBastardKing", Lexicon.Mode.MESSAGE));
        assertEquals(List.of("bastard"), matches(lex, "TheBastardKing", Lexicon.Mode.NICK));
        assertEquals(List.of(), matches(lex, "Grassy", Lexicon.Mode.NICK)); // 3-letter terms stay whole-word
        assertEquals(List.of(), matches(lex, "ScunthorpeFan", Lexicon.Mode.NICK));
    }

    @Test
    void removalLinesTakeTermsOut() throws IOException {
        Lexicon lex = compile(SMALL + "[profanity]\n-ass\n");
        assertEquals(List.of(), matches(lex, "what an ass", Lexicon.Mode.MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[profanity", "[Profanity]", "term before section", "[x]\nfoo | ?", "[x]\nfoo{a,b", "[x]\n@unknown y"})
    void rejectsMalformedFilesWithLineNumbers(String body) {
        LexiconException e = assertThrows(LexiconException.class,
                () -> LexiconParser.parse("bad.txt", new StringReader("# origin: test\n" + body)));
        assertTrue(e.getMessage().startsWith("bad.txt:"), e.getMessage());
        assertTrue(e.getMessage().contains("(expected:"), e.getMessage());
    }

    @Test
    void requiresAnOriginHeader() {
        assertThrows(LexiconException.class, () -> LexiconParser.parse("x", new StringReader("[a]\nfoo\n")));
    }

    @Test
    void expandsBraceGroups() {
        assertEquals(List.of("ab", "ac", "xb", "xc"), TermExpander.expand("{a,x}{b,c}"));
        assertEquals(List.of("fuck", "fucks"), TermExpander.expand("fuck{,s}"));
        assertEquals(List.of("you are x", "you are a x"), TermExpander.expand("you are {,a }x"));
    }

    @Test
    void bundledLexiconsAreLargeAndCoverEveryCategory() throws IOException {
        Lexicon en = bundled("en");
        Lexicon all = bundled("en", "es", "de", "fr");
        System.out.printf("lexicon: en=%d terms, all=%d terms, %d states%n", en.size(), all.size(), all.states());
        assertTrue(en.size() >= 5000, "English terms: " + en.size());
        assertEquals(Set.of("profanity", "slur", "hate", "harassment", "insult", "self_harm_incitement", "sexual",
                "threat"), en.categories());
        for (String lang : List.of("es", "de", "fr")) {
            Lexicon l = bundled(lang);
            assertTrue(l.categories().containsAll(Set.of("slur", "hate", "insult", "self_harm_incitement", "threat")), lang);
        }
    }

    @Test
    void bundledLexiconCatchesSevereEvasionsAndSparesLookAlikes() throws IOException {
        Lexicon lex = bundled("en", "es", "de", "fr");
        assertEquals(Set.of("self_harm_incitement"), categories(lex, "go k.y.s"));
        assertEquals(Set.of("threat"), categories(lex, "I'm gonna k1ll you"));
        assertTrue(categories(lex, "tue-toi").contains("self_harm_incitement"));
        assertTrue(categories(lex, "Mátate ya").contains("self_harm_incitement"));
        assertTrue(categories(lex, "Ich bring dich um").contains("threat"));
        for (String benign : List.of("Scunthorpe", "assassin", "cocktail", "therapist", "class assignment", "Essex",
                "Dickens", "grape", "analysis", "cumulative", "shitake", "I want to kill myself",
                "please don't kill yourself", "nobody would miss me", "I'm going to hurt myself",
                "take the pressure off yourself", "I feel so worthless", "go easy on yourself")) {
            assertEquals(Set.of(), categories(lex, benign), benign);
        }
    }
}
