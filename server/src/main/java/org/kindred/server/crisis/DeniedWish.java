package org.kindred.server.crisis;

import java.util.Set;

/**
 * Whether a wish or intent the rules read as denied stays denied for the whole message (twenty-fourth round,
 * docs/crisis.md "Twenty-fourth round: the model"). The model's n-grams read a denied wish's words as the wish
 * ("I don't want to die, I want to get better" scored past the card threshold), so when every signal of a message
 * is such a denial, {@link RiskOutcome#secondOpinion} drops the model's card. A word that turns the sentence
 * against the denial ("i don't want to die but i don't want to be here either") marks ambivalence,
 * which RISK-LEVELS.md puts at {@code concern}: then the model keeps its say.
 */
final class DeniedWish {
    /**
     * Contrast words in the four languages, canonical ({@link Tokenizer#canonicalSet}); written for this class
     * from the ambivalent lines of the tuning sets ("… but …", "… pero tampoco …", "… aber …", "… mais …").
     */
    private static final Set<String> CONTRAST = Tokenizer.canonicalSet("but", "though", "although", "either",
            "except", "just", "only", "pero", "aunque", "tampoco", "sino", "solo", "aber", "sondern", "doch",
            "trotzdem", "nur", "mais", "pourtant", "sauf", "juste", "seulement");

    private DeniedWish() {
    }

    /**
     * @param t the message's tokens
     * @return true when no contrast word is in the message (one before the denial may open the clause a later,
     *     denied, wish stands against: "ich will nicht sterben aber ich will auch nicht so weiterleben"); linear
     */
    static boolean stands(Token[] t) {
        for (int i = 0; i < t.length; i++) {
            if (CONTRAST.contains(t[i].text)) {
                return false;
            }
        }
        return true;
    }
}
