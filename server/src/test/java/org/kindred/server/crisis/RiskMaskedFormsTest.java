package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.BUNDLED;
import static org.kindred.server.crisis.RulesAlone.NORMALIZER;
import static org.kindred.server.crisis.RulesAlone.level;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Eighteenth round, the engine: masked inflections and compounds of German and French risk words
 * ({@link MaskedForms}, {@link MaskedWords}): a masked word is read as a risk stem and an ending of
 * its language. The lines were written for this round (the kinds the seventeenth round listed as
 * not read), not taken from a labelled set; each masked line must get the level of the same line
 * written out, and look-alikes stay quiet.
 */
class RiskMaskedFormsTest {

    @Test
    void germanInflectionsAndCompoundsAreRead() {
        sameAsWrittenOut("ich denke jeden tag an s*izidversuch", "ich denke jeden tag an suizidversuch");
        sameAsWrittenOut("hatte wieder selbstm*rdgedanken", "hatte wieder selbstmordgedanken");
        sameAsWrittenOut("mein selbstm*rdversuch ist ein jahr her", "mein selbstmordversuch ist ein jahr her");
        sameAsWrittenOut("ich habe s*izidale gedanken", "ich habe suizidale gedanken");
        sameAsWrittenOut("ich r*tze mich wieder", "ich ritze mich wieder");
        sameAsWrittenOut("heute br*nge ich mich um", "heute bringe ich mich um");
        sameAsWrittenOut("ich v*rletze mich jeden abend", "ich verletze mich jeden abend");
        sameAsWrittenOut("ich habe mich gesch*itten", "ich habe mich geschnitten");
        assertEquals(RiskLevel.HIGH, level("ich denke jeden tag an s*izidversuch"));
    }

    @Test
    void frenchInflectionsAreRead() {
        sameAsWrittenOut("je me suis sc*rifiée hier soir", "je me suis scarifiée hier soir");
        sameAsWrittenOut("je me suis m*tilée", "je me suis mutilée");
        sameAsWrittenOut("je me suis c*upée encore", "je me suis coupée encore");
        sameAsWrittenOut("je me suis ouvert les v*ines", "je me suis ouvert les veines");
        sameAsWrittenOut("j'ai fait une s*rdose l'an dernier", "j'ai fait une surdose l'an dernier");
        sameAsWrittenOut("je vais me t*er", "je vais me tuer");
        assertEquals(RiskLevel.HIGH, level("je me suis sc*rifiée hier soir"));
        assertEquals("tuerai", texts("je me t*erai").get(2), "future of tuer: stem tu + erai");
        assertEquals("tentative", texts("une t*ntative").get(1));
    }

    @Test
    void lookAlikesStayQuiet() {
        assertNull(level("sch**ße, der zug ist schon wieder weg"));
        assertNull(level("das war *wirklich* lustig"));
        assertNull(level("c'était **vraiment** génial"));
        assertNull(level("p*tain il fait froid"));
        assertNull(level("m*rde, j'ai raté le bus"));
        assertNull(level("mein passwort ist T*tal_sicher99"));
        assertNull(level("so ein sch*iß wetter"));
        assertNull(level("c'est la v*e, on fait avec"));
        assertNull(level("was für ein sch*ißtag"));
        assertNull(level("**fett** und _kursiv_ in markdown"));
    }

    @Test
    void aWholeListedWordComesFirstAndReadingsMustAgree() {
        MaskedForms forms = new MaskedForms(Map.of(
                "de", new MaskedForms.Language(List.of("suizid", "tot"), Set.of("e", "al", "versuch")),
                "fr", new MaskedForms.Language(List.of("tu", "tent"), Set.of("e", "t", "te", "ee", "erai"))));
        MaskedWords m = new MaskedWords(Set.of("tot", "tuer"), forms);
        assertEquals("tot", m.read("t*t"), "a listed word read whole wins over tu + t");
        assertEquals("suizidversuch", m.read("s*izidversuch"));
        assertEquals("tuerai", m.read("t*erai"));
        assertNull(m.read("t*te"), "tot + e and tu + te both fit: none is taken");
        assertNull(m.read("s*izidvers*ch"), "a hidden letter in the ending: not read");
        assertNull(m.read("s*izidgefahr"), "an ending the language does not list");
        assertNull(new MaskedWords(Set.of("tuer")).read("t*erai"), "without forms, whole words only");
    }

    @Test
    void theFormsFileIsChecked() {
        MaskedForms.File bad = new MaskedForms.File("t", Map.of("de", new MaskedForms.Written(List.of("s"), List.of("e"))));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MaskedForms.compile(bad, NORMALIZER, "t.yaml"))
                .getMessage().contains("(expected: one word of 2 to"));
        MaskedForms.File lang = new MaskedForms.File("t", Map.of("nl", new MaskedForms.Written(List.of("dood"), List.of("e"))));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MaskedForms.compile(lang, NORMALIZER, "t.yaml"))
                .getMessage().contains("(expected: en, es, de or fr)"));
        MaskedForms bundled = MaskedForms.loadBundled(NORMALIZER);
        assertTrue(bundled.languages().get("fr").endings().contains("ee"), "accents folded as in messages");
    }

    private static void sameAsWrittenOut(String masked, String written) {
        assertEquals(texts(written), texts(masked), masked);
        assertEquals(level(written), level(masked), masked);
    }

    private static List<String> texts(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : BUNDLED.tokenizer.tokenize(NORMALIZER.normalize(text))) {
            out.add(t.text);
        }
        return out;
    }
}
