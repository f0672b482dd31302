package org.kindred.server.crisis;

import java.util.List;
import java.util.Set;

/**
 * A goodbye or a departure said with a return or an everyday reason (twenty-fifth round): "das ist mein letzter
 * post vor der pause, ich mach ne woche digital detox. bis bald ihr lieben", "bye everyone, back in two weeks, no
 * signal at the cabin", "me despido, me salgo del grupo, encontré uno en mi ciudad", "c'est mon dernier message
 * ce soir, … on se reparle demain". When every signal of the message is a goodbye or a word of finality ("thanks
 * for everything"), every booster a time, a goodbye or a word of finality, the message says the writer comes back
 * ({@link #RETURNS}: "see you", "back in", "bis bald", "nos vemos", "on se reparle") or names an everyday reason
 * for going ({@link #REASONS}: no signal, exams, another group), neither negated, and holds no word of finality
 * ({@link #FINAL}: "never", "forever", "the other side", "für immer"), {@link SignalDecision} holds the signals to
 * a card and no booster raises them.
 *
 * <p>Kept: "bye everyone. i won't be back", "me despido, ya no vuelvo", "je reviens pas", "das ist meine letzte
 * nachricht. bis bald wird es nicht geben" (the return negated: a negator of its clause within
 * {@link #NEGATION_REACH} tokens before or after it), "goodbye all, see you on the other side" (finality), and a
 * goodbye with any other signal or a means.
 *
 * <p>Canonical words without accents. Linear: each token is tried once against the fixed phrase lists.
 */
final class GoodbyeReturn {
    /**
     * How many tokens of its clause before a return or a reason a negator makes it none ("won't be back", "ya no
     * vuelvo", "no es un adiós de hasta mañana").
     */
    static final int NEGATION_REACH = 6;
    /** A return said. */
    static final PhraseList RETURNS = new PhraseList("see you", "see ya", "cya", "be back", "back on", "back in",
            "back after", "back next", "back tomorrow", "back soon", "back by", "talk tomorrow", "talk soon",
            "speak soon", "catch you", "till tomorrow", "until tomorrow", "til tomorrow", "check back", "later guys",
            "hasta manana", "hasta pronto", "hasta luego", "hasta la vuelta", "hasta el", "nos vemos", "nos leemos",
            "os leo", "les leo", "vuelvo en", "vuelvo el", "vuelvo manana", "vuelvo despues", "vuelvo la",
            "hablamos manana", "de vuelta", "bis bald", "bis morgen", "bis dann", "bis spater", "bis nachher",
            "wieder da", "wieder rein", "wieder online", "melde mich", "schau morgen", "schaue morgen", "bin zuruck",
            "zuruck am", "zuruck in", "a demain", "a bientot", "a plus", "a la prochaine", "on se reparle",
            "on se revoit", "on se dit", "je reviens", "reviens dans", "reviens le", "reviens apres", "de retour",
            "a la semaine", "a lundi");
    /**
     * An everyday reason for going: no signal, a break from the screen, exams, another group. A holiday or a trip is
     * none: it is also the pretext of a last goodbye ("ich habe heute meinen Urlaub angetreten, allerdings nicht zur
     * Erholung").
     */
    static final PhraseList REASONS = new PhraseList("no signal", "no reception", "no wifi", "no internet",
            "offline", "digital detox", "detox", "social media break", "local group", "local one", "joined a",
            "new group", "another group", "exams", "sin senal", "sin cobertura", "sin red", "sin internet", "sin wifi",
            "desconectar", "examenes", "encontre uno", "encontre otro", "otro grupo", "grupo nuevo",
            "nuevo grupo", "en mi ciudad", "de mi ciudad", "kein netz", "kein empfang",
            "kein wlan", "kein internet", "ohne netz", "ohne internet", "prufungen", "prufungsphase",
            "andere gruppe", "anderen gruppe", "neue gruppe", "gruppe vor ort", "in meiner stadt",
            "sans reseau", "pas de reseau", "sans internet", "sans wifi", "hors ligne",
            "deconnecter", "partiels", "examens", "autre groupe", "nouveau groupe", "groupe local", "dans ma ville");
    /** Words of finality anywhere in the message: no return is meant. */
    private static final Set<String> FINAL = Tokenizer.canonicalSet("never", "forever", "nunca", "siempre", "nie",
            "niemals", "nimmer", "immer", "jamais", "toujours", "heaven", "cielo", "himmel", "paradis", "paradise");
    /** Phrases of finality anywhere in the message. */
    private static final PhraseList FINAL_PHRASES = new PhraseList("other side", "otro lado", "anderen seite",
            "autre cote", "another life", "next life", "otra vida", "nachsten leben", "anderen leben", "autre vie",
            "last time", "ultima vez", "letzte mal", "derniere fois", "no more", "ya no", "nicht mehr", "plus jamais");
    /** Negators before a return or a reason. */
    private static final Set<String> NOT = Tokenizer.canonicalSet("not", "never", "wont", "cant", "no", "dont",
            "nunca", "nie", "nicht", "kein", "keine", "nimmer", "ne", "n", "pas", "plus", "jamais");

    private GoodbyeReturn() {
    }

    /**
     * Whether the scan's matches are a goodbye said with a return or an everyday reason.
     *
     * @param t the tokens of one scan
     * @param found the scan's matches (rules' and combinations')
     * @return true when at least one signal is found, every signal is a goodbye, every booster a time, a goodbye or finality,
     *     and the message says a return or an everyday reason, not negated, with no word of finality
     */
    static boolean holds(Token[] t, List<RiskAssessor.Found> found) {
        boolean signal = false;
        for (RiskAssessor.Found f : found) {
            RiskCategory c = f.rule.category();
            if (f.rule.kind() != RiskRule.Kind.BOOSTER) {
                if (c != RiskCategory.GOODBYE && c != RiskCategory.FINALITY) {
                    return false;
                }
                signal = true;
            } else if (c != RiskCategory.TIME && c != RiskCategory.GOODBYE && c != RiskCategory.FINALITY) {
                return false;
            }
        }
        return signal && returnSaid(t);
    }

    /** Whether the message says a return or a reason, not negated, and holds no word of finality. */
    static boolean returnSaid(Token[] t) {
        boolean said = false;
        for (int k = 0; k < t.length; k++) {
            if (FINAL.contains(t[k].text) || FINAL_PHRASES.endAt(t, k) > k) {
                return false;
            }
            if (!said) {
                int end = Math.max(RETURNS.endAt(t, k), REASONS.endAt(t, k));
                said = end > k && !negated(t, k, end);
            }
        }
        return said;
    }

    /** Whether a negator stands in the phrase's clause within {@link #NEGATION_REACH} tokens before or after it. */
    private static boolean negated(Token[] t, int start, int end) {
        for (int i = start - 1; i >= Math.max(0, start - NEGATION_REACH) && t[i + 1].before == Token.Boundary.NONE; i--) {
            if (NOT.contains(t[i].text)) {
                return true;
            }
        }
        for (int i = end; i < Math.min(t.length, end + NEGATION_REACH) && t[i].before == Token.Boundary.NONE; i++) {
            if (NOT.contains(t[i].text)) {
                return true; // "bis bald wird es nicht geben", "je reviens pas"
            }
        }
        return false;
    }
}
