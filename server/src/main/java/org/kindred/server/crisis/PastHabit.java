package org.kindred.server.crisis;

import java.util.Arrays;
import java.util.Set;

/**
 * A self-harm habit told in the imperfect, and a last time the writer no longer remembers (twenty-fifth round):
 * "tenía 20 años cuando me hacía cortes", "je me scarifiais au lycée", "ich ritzte mich als teenager", "no me
 * acuerdo de la última vez q lo pensé". Spanish and French have a tense of habits gone by ("me cortaba", "je me
 * coupais") that the {@code past} concept does not name; a clause that holds the writer's own reflexive imperfect
 * ({@link #imperfect}: "me" before a verb of self-harm in -aba or -ía, or in -ais or -ait; German "ritzte",
 * "schnitt" with "mich") is the past, so a story of it that reaches the present ({@link StoryTold}) is a card at
 * most, as with "hace años", "früher" or "il y a cinq ans". A word of risk coming back in a clause of a memory
 * denied ({@link #FORGOTTEN}: "no me acuerdo", "can't remember", "weiß nicht mehr", "je me souviens plus") is no
 * relapse: the story still reaches the present.
 *
 * <p>Kept: a clause that also holds a word of again, of a recent day or of the present ({@link #RECENT}: "me
 * cortaba otra vez ayer", "je me scarifiais et hier soir j'ai recommencé", "ritzte mich gestern wieder"), and the
 * conditional ("me mataría", "je me tuerais": -ría, -rais, -rait are no imperfect); a memory denied with a negator
 * after it ("no me acuerdo de la última vez que no pensé en cortarme") keeps its relapse. A past signal alone keeps its
 * level (at most {@code high}); only a present told after it lowers it.
 *
 * <p>Canonical words without accents. Linear: each clause is read once to find a mark and once to fill it.
 */
final class PastHabit {
    /** Words of again, a recent day or the present: the clause is no habit gone by. */
    private static final Set<String> RECENT = Tokenizer.canonicalSet("again", "yesterday", "today", "tonight",
            "still", "now", "otra", "ayer", "anoche", "hoy", "todavia", "aun", "sigo", "nuevo", "volvi", "ahora",
            "encore", "hier", "recommence", "recommencer", "toujours", "maintenant", "aujourd", "aujourdhui", "wieder",
            "gestern", "heute", "noch", "jetzt", "immer");
    /** Spanish and French stems of self-harm verbs read in the imperfect ("cortaba", "hacía cortes", "scarifiais"). */
    private static final java.util.List<String> ACTS = java.util.List.of("cort", "hac", "quem", "lastim", "autolesion",
            "rasgu", "aran", "golpe", "coup", "scarifi", "brul", "bless", "frapp", "griff", "mutil", "fais", "entaill");
    /** German imperfects of self-harm, read with "mich" in the clause. */
    private static final Set<String> GERMAN = Tokenizer.canonicalSet("ritzte", "ritzten", "schnitt", "verletzte",
            "schlug", "brannte");
    /** A memory denied: what follows in the clause is long gone. */
    private static final PhraseList FORGOTTEN = new PhraseList("no me acuerdo", "no recuerdo", "ya ni me acuerdo",
            "cant remember", "dont remember", "cannot remember", "can not remember", "weiss nicht mehr", "weis nicht mehr",
            "erinnere mich nicht", "me souviens plus", "me souviens pas", "me rappelle plus", "me rappelle pas");

    /** Negators after a memory denied: "can't remember the last time i didn't think of it" is no memory gone. */
    private static final Set<String> NOT = Tokenizer.canonicalSet("not", "didnt", "dont", "never", "no", "sin",
            "nunca", "nicht", "kein", "keine", "nie", "ohne", "pas", "ne", "n", "sans", "jamais", "without");

    private PastHabit() {
    }

    private static boolean negatorIn(Token[] t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (NOT.contains(t[k].text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks as past every clause that holds the writer's reflexive imperfect of self-harm and no word of
     * {@link #RECENT}, and as forgotten every clause that holds a memory denied with no negator after it.
     *
     * @param t the message's tokens
     * @param past per token, set to true where the clause is past
     * @param forgotten per token, set to true where the clause holds a memory denied: a word of risk coming back
     *     there ("no me acuerdo de la última vez q lo pensé") is no relapse ({@link ComboReading#settleRelapse})
     * @return how many clauses were marked past
     */
    static int markPast(Token[] t, boolean[] past, boolean[] forgotten) {
        int marked = 0;
        int s = 0;
        while (s < t.length) {
            int e = s + 1;
            while (e < t.length && t[e].before == Token.Boundary.NONE) {
                e++;
            }
            boolean habit = false;
            boolean recent = false;
            boolean mich = false;
            int memory = -1; // the end of a memory denied in the clause
            for (int k = s; k < e; k++) {
                String w = t[k].text;
                recent |= RECENT.contains(w);
                mich |= w.equals("mich");
                habit |= imperfect(t, k, s);
                memory = memory < 0 ? FORGOTTEN.endAt(t, k) : memory;
            }
            for (int k = s; k < e && !habit; k++) {
                habit = GERMAN.contains(t[k].text) && mich;
            }
            if (habit && !recent) {
                Arrays.fill(past, s, e, true);
                marked++;
            }
            if (memory > s && !negatorIn(t, memory, e)) {
                Arrays.fill(forgotten, s, e, true); // "no recuerdo la última vez que lo pensé"
            }
            s = e;
        }
        return marked;
    }

    /**
     * Whether token {@code k} is a reflexive imperfect of self-harm of the writer: "me" right before it (at or after
     * the clause start {@code s}), a stem of {@link #ACTS} and a Spanish ending in -aba, -abas, -ía or a French one in -ais, -ait, but not a conditional
     * (-ría, -rais, -rait) unless it is "hería" (hurt).
     */
    static boolean imperfect(Token[] t, int k, int s) {
        if (k - 1 < s || !t[k - 1].text.equals("me")) {
            return false;
        }
        String w = t[k].text;
        if (w.length() < 5 || ACTS.stream().noneMatch(w::startsWith)) {
            return false; // "lo q me faltaba", "la insulina que me quedaba": no act of self-harm
        }
        if (w.endsWith("aba") || w.endsWith("abas")) {
            return true;
        }
        if (w.endsWith("ia")) {
            return !w.endsWith("ria") || w.equals("heria");
        }
        return (w.endsWith("ais") || w.endsWith("ait")) && !w.endsWith("rais") && !w.endsWith("rait");
    }
}
