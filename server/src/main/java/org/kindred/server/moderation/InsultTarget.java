package org.kindred.server.moderation;

import java.util.Set;
import org.kindred.server.text.NormalizedText;

/**
 * Decides whether an insult word the lexicon found ({@code insult} category: "idiot", "moron",
 * "stupid", "idiota", "Trottel", "crétin", …) is aimed at a person in the room, and what to hide.
 * A support room hears a lot of self-talk ("I feel like such an idiot"), venting about people who
 * are not there ("my boss is an idiot") and talk about things ("idiotic rules", "these stupid
 * forms"); none of that is an insult to a member. An insult word counts only:
 * <ul>
 *   <li>after a second-person word with only fillers between ("you stupid idiot", "you're such an
 *       id1ot", "u r an idiot", "your an idiot", "eres una tonta", "du bist so ein Idiot", "t'es
 *       trop bête") and no negation just before it ("nobody thinks you're an idiot", "you're not
 *       stupid", "no eres tonta", "du bist nicht dumm", "t'es pas idiot");</li>
 *   <li>after a vocative ("shut up idiot", "stfu moron", "cállate idiota", "halt die Klappe, Trottel");</li>
 *   <li>before "you are" ("what an idiot you are", "qué idiota eres", "so ein Idiot bist du");</li>
 *   <li>as a phrase term of the lexicon, which names its target itself ("du Idiot", "espèce d'idiot").</li>
 * </ul>
 * An adjective ("stupid", "dumb", "dumm", "stupide") counts only where it describes the person:
 * at the end of the clause ("you are so stupid.", "are you dumb lol") or before a word for a person
 * ("you stupid girl"); "thank you stupid question though" is about a question. Fillers that are
 * insult adjectives before an aimed noun are hidden with it ("you ****** *****").
 *
 * <p>Each decision reads at most a few words around the match ({@value #WINDOW} words back, two
 * ahead, each at most {@value #MAX_WORD} characters), so it is constant time per lexicon match.
 * Stateless, thread-safe.
 */
final class InsultTarget {
    /** Words looked at before an insult word. */
    static final int WINDOW = 5;
    /** Longest word compared with the lists, in characters. */
    private static final int MAX_WORD = 16;

    /** Second-person words after which fillers and then an insult word are aimed at the reader. */
    private static final Set<String> YOU = Set.of("you", "u", "ya", "yu", "youre", "ure", "yall", "yous",
            "eres", "sos", "du", "ihr", "tes", "tu", "vous");
    /** "your"/"ur" stand for "you're" only before an article or intensifier ("your an idiot", not "your idiot friend"). */
    private static final Set<String> YOUR = Set.of("your", "ur", "yor");
    private static final Set<String> ARTICLE_LIKE = Set.of("a", "an", "so", "such", "really", "just", "the",
            "total", "complete", "absolute", "fucking", "fking", "effing", "freaking", "bloody", "actual");
    /** Words that may stand between the second-person word and the insult. Negations are not among them. */
    private static final Set<String> FILLERS = Set.of(
            "a", "an", "so", "such", "really", "total", "totally", "complete", "completely", "absolute", "absolutely",
            "utter", "fucking", "fking", "fkn", "effing", "freaking", "frickin", "bloody", "little", "big", "biggest",
            "massive", "huge", "stupid", "stoopid", "dumb", "ignorant", "brainless", "are", "r", "were", "being", "just",
            "actually", "literally", "guys", "lot", "people", "all", "one", "of", "acting", "like",
            "un", "una", "tan", "muy", "re", "puto", "puta", "pinche", "maldito", "maldita", "tremendo", "tremenda",
            "gran", "pedazo", "de", "bist", "seid", "ein", "eine", "einer", "voll", "echt", "richtig",
            "verdammter", "verdammte", "bloder", "blode", "dummer", "dumme", "kleiner", "kleine", "mega",
            "absoluter", "une", "vraiment", "trop", "tellement", "si", "gros", "grosse", "sale", "pauvre",
            "completement", "es", "etes", "quun", "quune", "espece", "d");
    /** Filler adjectives hidden together with the insult noun they precede. */
    private static final Set<String> ADJECTIVES = Set.of("stupid", "stoopid", "dumb", "brainless", "ignorant",
            "estupido", "estupida", "estupidos", "estupidas", "dumm", "dummer", "dumme", "blod", "bloder", "blode",
            "bescheuert", "bescheuerter", "damlich", "doof", "stupide", "stupides", "bete", "betes", "debile");
    /** Vocatives: an insult right after one (fillers allowed) is aimed at the reader. */
    private static final Set<String> VOCATIVES = Set.of("stfu", "gtfo", "shutup", "hey", "oi", "listen", "okay", "ok",
            "whatever", "bye", "callate", "calla", "oye", "klappe", "schnauze", "fresse", "maul", "gueule", "ecoute");
    /** Negations: within three words before the second-person word, the sentence denies the insult. */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "dont", "never", "nobody", "noone", "doesnt",
            "isnt", "arent", "wasnt", "werent", "didnt", "wont", "cant", "nor", "nicht", "kein", "keine", "nie",
            "niemand", "pas", "jamais", "personne", "nunca", "ni", "nadie", "neither");
    /** After an adjective: the clause goes on about a person. */
    private static final Set<String> PERSONS = Set.of("person", "man", "girl", "boy", "kid", "guy", "woman", "child",
            "persona", "chica", "chico", "nina", "nino", "tio", "tia", "mensch", "kerl", "typ", "junge", "madchen",
            "frau", "mec", "fille", "gars", "type", "meuf");
    /** After an adjective: the clause ends all the same ("you're so dumb lol"). */
    private static final Set<String> FINISHERS = Set.of("lol", "lmao", "lmfao", "af", "fr", "tbh", "honestly", "bro",
            "dude", "mate", "jk", "haha", "xd", "smh", "bruh", "omg", "seriously", "wey", "guey", "alter", "digga",
            "mdr", "ptdr", "or", "and", "too", "you", "u", "franchement", "serieux", "wirklich", "ehrlich");

    private InsultTarget() {
    }

    /**
     * Where the hidden part of an insult found at normalised {@code [start, end)} of {@code t}
     * starts (at or before {@code start}, to take insult adjectives before it along), or -1 when the
     * insult is not aimed at a person in the room.
     */
    static int aimedFrom(NormalizedText t, int start, int end) {
        String s = t.text();
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == ' ') {
                return start; // a phrase term ("du idiot") names its target
            }
        }
        String word = s.substring(start, end);
        if (ADJECTIVES.contains(word) && !clauseEndsOrPersonFollows(t, s, end)) {
            return -1;
        }
        if (youAreFollows(s, end) && !sentenceBreak(t, end)) {
            return start;
        }
        int maskFrom = start;
        boolean articleSeen = false;
        int wordEnd = start - 1; // the space before the insult
        for (int k = 0; k < WINDOW && wordEnd > 0; k++) {
            int wordStart = wordStartBefore(s, wordEnd);
            if (wordStart < 0) {
                return -1;
            }
            String w = s.substring(wordStart, wordEnd);
            if (VOCATIVES.contains(w) || (w.equals("up") && endsWithWord(s, wordStart - 1, "shut"))) {
                return maskFrom; // "shut up, idiot": a comma is how a vocative is written
            }
            if (sentenceBreak(t, wordEnd)) {
                return -1; // "thank you, stupid question": the insult word starts a new clause
            }
            if (YOU.contains(w) || (YOUR.contains(w) && articleSeen)) {
                return negatedBefore(s, wordStart) ? -1 : maskFrom;
            }
            if (!FILLERS.contains(w)) {
                return -1;
            }
            articleSeen |= ARTICLE_LIKE.contains(w);
            if (ADJECTIVES.contains(w) && wordEnd == maskFrom - 1) {
                maskFrom = wordStart; // "you stupid idiot": hide "stupid" with "idiot"
            }
            wordEnd = wordStart - 1;
        }
        return -1;
    }

    /**
     * Start of the word that ends (exclusive) at {@code wordEnd}, or -1 when it is longer than
     * {@value #MAX_WORD} characters (no listed word is): reads at most that many characters.
     */
    private static int wordStartBefore(String s, int wordEnd) {
        int i = wordEnd;
        while (i > 0 && s.charAt(i - 1) != ' ') {
            i--;
            if (wordEnd - i > MAX_WORD) {
                return -1;
            }
        }
        return i;
    }

    /** True if the original text between normalised word end {@code wordEnd} and the next word holds sentence punctuation. */
    private static boolean sentenceBreak(NormalizedText t, int wordEnd) {
        String o = t.original();
        int a = t.originalEnd(wordEnd);
        int b = t.originalStart(wordEnd + 1);
        for (int i = a; i < b && i - a < 8; i++) {
            char c = o.charAt(i);
            if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':') {
                return true;
            }
        }
        return false;
    }

    /** After an adjective at normalised {@code end}: end of text or clause, a finisher, or a word for a person. */
    private static boolean clauseEndsOrPersonFollows(NormalizedText t, String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        String o = t.original();
        int after = t.originalEnd(end);
        int next = t.originalStart(end + 1);
        for (int i = after; i < next && i - after < 8; i++) {
            char c = o.charAt(i);
            if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')') {
                return true;
            }
        }
        int wordEnd = end + 1;
        while (wordEnd < s.length() && s.charAt(wordEnd) != ' ' && wordEnd - end <= MAX_WORD) {
            wordEnd++;
        }
        String w = s.substring(end + 1, wordEnd);
        return PERSONS.contains(w) || FINISHERS.contains(w);
    }

    /** "idiot you are", "idiota eres", "idiot bist du", "idiote que tu es". */
    private static boolean youAreFollows(String s, int end) {
        return startsWithWords(s, end, "you are") || startsWithWords(s, end, "u are") || startsWithWords(s, end, "you r")
                || startsWithWords(s, end, "u r") || startsWithWords(s, end, "eres")
                || startsWithWords(s, end, "que eres") || startsWithWords(s, end, "bist du")
                || startsWithWords(s, end, "que tu es");
    }

    private static boolean startsWithWords(String s, int end, String words) {
        int from = end + 1;
        int to = from + words.length();
        return from < s.length() && to <= s.length() && s.startsWith(words, from) && (to == s.length() || s.charAt(to) == ' ');
    }

    /** True if one of the three words before {@code wordStart} is a negation ("nobody thinks you're …", "no one says …"). */
    private static boolean negatedBefore(String s, int wordStart) {
        int wordEnd = wordStart - 1;
        for (int k = 0; k < 3 && wordEnd > 0; k++) {
            int start = wordStartBefore(s, wordEnd);
            if (start < 0) {
                return false;
            }
            String w = s.substring(start, wordEnd);
            if (NEGATIONS.contains(w) || (w.equals("one") && endsWithWord(s, start - 1, "no"))) {
                return true;
            }
            wordEnd = start - 1;
        }
        return false;
    }

    /** True if the word ending at {@code end} (exclusive) is {@code word}. */
    private static boolean endsWithWord(String s, int end, String word) {
        int start = end - word.length();
        return start >= 0 && s.startsWith(word, start) && (start == 0 || s.charAt(start - 1) == ' ');
    }
}
