package org.kindred.server.text;

import java.text.Normalizer.Form;
import java.util.Locale;

/**
 * Per-character folding table used by {@link Normalizer}: NFKC, case folding, combining marks
 * stripped, look-alike letters mapped to the Latin letter they imitate. Built once at class
 * initialisation for the whole Basic Multilingual Plane so that normalising a message is a table
 * lookup per character.
 */
final class CharFolding {
    /** The character produces nothing (format, zero-width, bidi, combining mark, control). */
    static final char DROP = '\uFFFF';
    /** The character produces several characters; see {@link #multi(int)}. */
    static final char MULTI = '\uFFFE';
    /** Stand-in for letters outside the BMP: a letter that no lexicon term contains. */
    static final char OTHER_LETTER = '\u0294';

    private static final char[] SINGLE = new char[0x10000];
    private static final String[] MULTIS = new String[0x10000];
    private static final String[] MATH = new String[0x1D800 - 0x1D400];
    private static final String[] ENCLOSED = new String[0x1F200 - 0x1F100];

    /**
     * Look-alikes that NFKC leaves alone, as pairs "look-alike, Latin letter": Cyrillic, Greek,
     * small capitals, Armenian look-alikes and a few Latin letters with strokes. Applied after lower-casing.
     */
    private static final String CONFUSABLE_PAIRS =
            "аaеeоoрpсcуyхxкkмmтtнhвbіiјjѕsԁdԛqԝwһhӏlгrпnиuьbъbєeɑaɡgıiȷjłløođdħhŧtƅbαaβbεeηnιiκkνvοoρpτtυuχxγyωwμuσoςcϲcϳjѵvѡwɩiɪiʏyʀrɴnʜhʟlʙbᴀaᴄcᴅdᴇeᴊjᴋkᴍmᴏoᴘpᴛtᴜuᴠvᴡwᴢzսuօoցgհhոnԁd";

    static {
        for (int c = 0; c < 0x10000; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                SINGLE[c] = DROP; // lone surrogates; pairs are handled as code points
                continue;
            }
            if (c == MULTI || c == DROP) {
                SINGLE[c] = DROP; // the noncharacters U+FFFE/U+FFFF are this table's markers, never text to match
                continue;
            }
            String folded = fold(c);
            if (folded.isEmpty()) {
                SINGLE[c] = DROP;
            } else if (folded.length() == 1) {
                SINGLE[c] = folded.charAt(0);
            } else {
                SINGLE[c] = MULTI;
                MULTIS[c] = folded;
            }
        }
        for (int cp = 0x1D400; cp < 0x1D800; cp++) {
            MATH[cp - 0x1D400] = fold(cp);
        }
        for (int cp = 0x1F100; cp < 0x1F200; cp++) {
            ENCLOSED[cp - 0x1F100] = enclosed(cp);
        }
    }

    private CharFolding() {
    }

    /** Folded form of a BMP char: {@link #DROP}, {@link #MULTI} or the single folded char. */
    static char single(char c) {
        return SINGLE[c];
    }

    /** The folded string of a BMP char whose {@link #single(char)} is {@link #MULTI}. */
    static String multi(int c) {
        return MULTIS[c];
    }

    /** Folded form of a supplementary code point; empty means drop. Allocation-free. */
    static String supplementary(int cp) {
        if (cp >= 0x1D400 && cp < 0x1D800) {
            return MATH[cp - 0x1D400];
        }
        if (cp >= 0x1F100 && cp < 0x1F200) {
            return ENCLOSED[cp - 0x1F100];
        }
        if ((cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return ""; // tag characters and variation selectors are invisible
        }
        return Character.isLetter(cp) ? OTHER_LETTER_STRING : " ";
    }

    private static final String OTHER_LETTER_STRING = String.valueOf(OTHER_LETTER);

    private static String enclosed(int cp) {
        if (cp >= 0x1F150 && cp <= 0x1F169) {
            return String.valueOf((char) ('a' + cp - 0x1F150)); // negative circled letters
        }
        if (cp >= 0x1F170 && cp <= 0x1F189) {
            return String.valueOf((char) ('a' + cp - 0x1F170)); // negative squared letters
        }
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
            return String.valueOf((char) ('a' + cp - 0x1F1E6)); // regional indicators
        }
        String folded = fold(cp);
        return folded.codePointCount(0, folded.length()) == 1 && !Character.isLetterOrDigit(folded.codePointAt(0))
                ? " " : folded;
    }

    private static String fold(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return "";
        }
        if (Character.isWhitespace(cp) || type == Character.SPACE_SEPARATOR) {
            return " ";
        }
        if (type == Character.CONTROL) {
            return "";
        }
        String s = new String(Character.toChars(cp));
        String nfkc = java.text.Normalizer.normalize(s, Form.NFKC);
        String lower = nfkc.toLowerCase(Locale.ROOT);
        boolean hangul = cp >= 0xAC00 && cp <= 0xD7A3;
        String stripped = hangul ? lower : stripMarks(java.text.Normalizer.normalize(lower, Form.NFD));
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char ch = stripped.charAt(i);
            switch (ch) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'þ' -> out.append("th");
                case 'ð' -> out.append('d');
                case '\u2019', '\u2018', '\u02BC', '\u0060', '\u00B4' -> out.append('\'');
                default -> {
                    int k = confusableIndex(ch);
                    out.append(k >= 0 ? CONFUSABLE_PAIRS.charAt(k + 1) : ch);
                }
            }
        }
        return out.toString();
    }

    private static int confusableIndex(char ch) {
        for (int k = 0; k < CONFUSABLE_PAIRS.length(); k += 2) {
            if (CONFUSABLE_PAIRS.charAt(k) == ch) {
                return k;
            }
        }
        return -1;
    }

    private static String stripMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int t = Character.getType(ch);
            if (t != Character.NON_SPACING_MARK && t != Character.ENCLOSING_MARK && t != Character.FORMAT) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
