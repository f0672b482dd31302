package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

/**
 * Strings of everyday nouns after a greeting ("still here, cloud cloud river", "hola, mesa nube") carry no
 * sign of risk, and the assessor with its bundled model gives them no crisis card, bar a rare few. The
 * eighteenth round's model carded 8 of the chat tests' 512 "still here, …" canary texts: with too little
 * evidence either way, its score fell back to the intercept of "risk at all", which holds the labelled
 * sets' mix (two risk lines to each benign one), close under the card threshold; a few n-grams of any
 * noun crossed it. Since the nineteenth round that regression has no intercept (docs/crisis.md,
 * "Nineteenth round: the model"). The salads are generated from a fixed seed: the same texts every run.
 */
class RiskWordSaladTest {
    private static final String[] GREETINGS = {"still here, ", "ping, ", "hi, ", "hey ", "ok ", "", "thanks, ",
        "hello again, ", "morning, ", "hola, ", "buenas, ", "hallo, ", "servus, ", "salut, ", "coucou, "};
    /** Everyday things in en/es/de/fr, none a means, a place of risk or a word of distress. */
    private static final String[] NOUNS = {"apple", "river", "cloud", "garden", "lantern", "meadow", "pebble",
        "willow", "table", "window", "carrot", "bicycle", "pencil", "mountain", "teapot", "blanket", "orange",
        "candle", "forest", "kitten", "manzana", "nube", "ventana", "mesa", "lapiz", "gato", "arbol", "flor",
        "apfel", "wolke", "fenster", "tisch", "blume", "baum", "katze", "kerze", "pomme", "nuage", "fenetre",
        "arbre", "fleur", "montagne", "crayon", "bougie"};
    private static final int SALADS = 3000;
    /** At most this many cards over {@link #SALADS} salads (0.1 %); the eighteenth round's model gave 20. */
    private static final int MAX_CARDS = 3;

    static List<String> salads(long seed, int n) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder(GREETINGS[random.nextInt(GREETINGS.length)]);
            int words = 1 + random.nextInt(4);
            for (int j = 0; j < words; j++) {
                b.append(j > 0 ? " " : "").append(NOUNS[random.nextInt(NOUNS.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void everydayNounsAfterAGreetingGetNoCard() {
        RiskAssessor assessor = TrainingYear.bundled(new Normalizer());
        List<String> carded = new ArrayList<>();
        for (String text : salads(19, SALADS)) {
            if (assessor.assess(text, "en").level() != null) {
                carded.add(text);
            }
        }
        assertTrue(carded.size() <= MAX_CARDS, carded.size() + " of " + SALADS + " word salads carded (expected: at most "
                + MAX_CARDS + "): " + carded.subList(0, Math.min(10, carded.size())));
    }
}
