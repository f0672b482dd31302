package org.kindred.server.crisis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A time gone by told with a number in words, as the past concept reads a year (twenty-first round):
 * "hace cinco años", "vor sechzehn jahren", "il y a cinq ans", "y a deux ans", "ya dix ans", and an age told
 * as a past ("at sixteen", "mit sechzehn", "a los dieciséis", "à seize ans", "con quince años", "j'avais
 * quinze ans"). The rules' lists spelt such times out one number at a time ("hace cinco anos", "y a cinq
 * ans"); here a number in words of the four languages (compounds such as "veinticinco", "fünfundzwanzig",
 * "vingt et un", "twenty five" included) counts as its digits do. Only years and months make a time gone
 * by: "hace dos horas", "vor zehn minuten", "il y a deux jours" are the present of an act, never its past.
 * An age is ten or more (thirteen or more after English "at", whose "at eleven" is a clock time), and the
 * German "mit" only before the end of its clause or a verb of telling ("mit sechzehn hab ich", not "mit
 * zwanzig tabletten").
 *
 * <p>Constant work per token: a match is tried only at a trigger word and reads at most
 * {@value #MAX_RUN} number words and two more words after it.
 */
final class TimeAgo {
    /** The most number words (and joiners) read in one number ("vingt et un": three). */
    static final int MAX_RUN = 4;

    /** Number words of the four languages (canonical: accents folded, repeated letters collapsed), with values. */
    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    /** Words that join two number words ("twenty and five" is rare; "treinta y dos", "vingt et un", "ein und zwanzig"). */
    private static final Set<String> JOINERS = Set.of("y", "et", "und", "and");
    /** Units of a time gone by: years and months. */
    private static final Set<String> UNITS = Tokenizer.canonicalSet("years", "year", "yrs", "yr", "months", "month",
            "anos", "ano", "meses", "mes", "jahren", "jahre", "jahr", "jahrn", "monaten", "monate", "monat",
            "ans", "an", "annees", "mois");
    /** Spanish units after "a los N" that make it a span of time, not an age ("a los diez minutos"). */
    private static final Set<String> SHORT_UNITS = Tokenizer.canonicalSet("minutos", "minuto", "horas", "hora", "dias", "dia",
            "semanas", "semana", "segundos");
    /** German words after "mit N" that tell of the writer then ("mit sechzehn hab ich", "mit 16 war ich"). */
    private static final Set<String> TELLING = Tokenizer.canonicalSet("hab", "habe", "hatte", "hat", "war", "wollte", "bin",
            "dachte", "ich", "fing", "wurde", "ist", "lag", "kam", "jahren", "jahre", "schon", "da", "dann");

    static {
        String[] en = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] es = {"uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
            "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve"};
        String[] de = {"eins", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
            "zwolf", "dreizehn", "vierzehn", "funfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
        String[] fr = {"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
            "douze", "treize", "quatorze", "quinze", "seize", "dix sept", "dix huit", "dix neuf"};
        for (String[] words : new String[][] {en, es, de, fr}) {
            for (int v = 0; v < words.length; v++) {
                if (!words[v].contains(" ")) {
                    put(words[v], v + 1);
                }
            }
        }
        for (String a : new String[] {"a", "an", "una", "un", "ein", "einem", "einer", "einen", "une"}) {
            put(a, 1);
        }
        String[][] tens = {{"twenty", "thirty", "forty", "fifty", "sixty"}, {"veinte", "treinta", "cuarenta",
            "cincuenta", "sesenta"}, {"zwanzig", "dreissig", "vierzig", "funfzig", "sechzig"}, {"vingt", "trente",
            "quarante", "cinquante", "soixante"}};
        for (String[] row : tens) {
            for (int k = 0; k < row.length; k++) {
                put(row[k], 20 + 10 * k);
            }
        }
        String[] veinti = {"veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco", "veintiseis",
            "veintisiete", "veintiocho", "veintinueve"};
        for (int u = 0; u < veinti.length; u++) {
            put(veinti[u], 21 + u);
        }
        String[] units = {"ein", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun"};
        for (int k = 0; k < tens[2].length; k++) {
            for (int u = 0; u < units.length; u++) {
                put(units[u] + "und" + tens[2][k], 20 + 10 * k + u + 1); // "fünfundzwanzig"
            }
        }
    }

    private TimeAgo() {
    }

    private static void put(String word, int value) {
        NUMBERS.putIfAbsent(Tokenizer.canonical(word), value);
    }


    /**
     * The end (exclusive) of a time gone by or an age told as the past that starts at token {@code i} of the
     * sentence ending at {@code e}, or -1.
     *
     * @param t the tokens
     * @param i the token to try (a trigger: "hace", "vor", "y a", "ya", "at", "mit", "a", "con", "tenia", "avais")
     * @param e the end (exclusive) of the sentence
     * @return the end of the span, within the sentence; -1 when none starts at {@code i}
     */
    static int endAt(Token[] t, int i, int e) {
        String w = t[i].text;
        switch (w) {
            case "hace", "vor", "ya" -> {
                return timeAgo(t, i + 1, e);
            }
            case "y" -> {
                return i + 1 < e && t[i + 1].before == Token.Boundary.NONE && t[i + 1].text.equals("a")
                        ? timeAgo(t, i + 2, e) : -1;
            }
            case "at" -> {
                int[] n = number(t, i + 1, e);
                return n != null && n[1] >= 13 && n[1] < 100 && !t[i + 1].number ? n[0] : -1;
            }
            case "mit" -> {
                int[] n = number(t, i + 1, e);
                if (n == null || n[1] < 10 || n[1] >= 100 || t[i + 1].number) {
                    return -1;
                }
                boolean told = n[0] >= e || t[n[0]].before != Token.Boundary.NONE || TELLING.contains(t[n[0]].text);
                return told ? n[0] : -1;
            }
            case "a" -> {
                if (i + 1 < e && t[i + 1].text.equals("los")) { // "a los dieciséis"
                    int[] n = number(t, i + 2, e);
                    boolean age = n != null && n[1] >= 10 && n[1] < 100 && (n[0] >= e || !SHORT_UNITS.contains(t[n[0]].text));
                    return age ? n[0] : -1;
                }
                return age(t, i + 1, e); // "à seize ans"
            }
            case "con", "tenia", "avais", "javais" -> {
                return age(t, i + 1, e);
            }
            default -> {
                return -1;
            }
        }
    }

    /**
     * A count of years or months that starts at token {@code k} of the clause or sentence ending at {@code e}: a
     * number in digits or in words, then a unit of years or months, in one clause ("6 years", "drei monaten",
     * "un an", "2 años"). Used for spans of time clean ({@link CleanSpan}).
     *
     * @return the end (exclusive) after the unit, or -1 when no such count starts at {@code k}
     */
    static int countAt(Token[] t, int k, int e) {
        if (k + 1 < e && t[k].number && t[k + 1].before == Token.Boundary.NONE && UNITS.contains(t[k + 1].text)) {
            return k + 2;
        }
        return timeAgo(t, k, e);
    }

    /** A number then a unit of years or months from {@code k}: the end after the unit, or -1. */
    private static int timeAgo(Token[] t, int k, int e) {
        int[] n = number(t, k, e);
        return n != null && n[0] < e && t[n[0]].before == Token.Boundary.NONE && UNITS.contains(t[n[0]].text)
                ? n[0] + 1 : -1;
    }

    /** An age of ten or more then "años", "ans": the end after it, or -1. */
    private static int age(Token[] t, int k, int e) {
        int[] n = number(t, k, e);
        boolean years = n != null && n[0] < e && t[n[0]].before == Token.Boundary.NONE
                && (t[n[0]].text.equals("anos") || t[n[0]].text.equals("ans"));
        return years && n[1] >= 10 && n[1] < 100 ? n[0] + 1 : -1;
    }

    /**
     * A number in words from token {@code k}: up to {@value #MAX_RUN} number words and joiners in one clause
     * ("vingt et un", "twenty five"). Digits are left to the rules' entries ("hace #10 anos", "a los #10"), which
     * already say where a number in digits is a past. Returns {end, value}, or null when none starts there.
     */
    private static int[] number(Token[] t, int k, int e) {
        if (k >= e || (k > 0 && t[k].before != Token.Boundary.NONE)) {
            return null;
        }
        Integer first = NUMBERS.get(t[k].text);
        if (first == null) {
            return null;
        }
        int value = first;
        int end = k + 1;
        while (end < e && end - k < MAX_RUN && t[end].before == Token.Boundary.NONE) {
            Integer next = NUMBERS.get(t[end].text);
            if (next == null && JOINERS.contains(t[end].text) && end + 1 < e
                    && t[end + 1].before == Token.Boundary.NONE) {
                next = NUMBERS.get(t[end + 1].text);
                if (next == null || next >= 10) {
                    break;
                }
                end++;
            }
            if (next == null || next >= value || value < 10) {
                break; // "vingt cinq", "dix sept", "twenty five": a smaller number after a ten
            }
            value += next;
            end++;
        }
        return new int[] {end, value};
    }
}
