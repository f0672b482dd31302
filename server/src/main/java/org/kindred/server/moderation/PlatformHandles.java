package org.kindred.server.moderation;

import java.util.Locale;
import java.util.Set;

/**
 * Finds social-media handles named after a platform ("snap: name", "insta jane_doe", "add me on
 * snapchat coolkid99") and Reddit's {@code u/name}. Platform names are recognised in leetspeak and
 * by their short forms ("sn4p", "1nsta", "sc", "wa", "tg"). A handle after a platform name is
 * reported when it is explicit ({@code :}, {@code =} or {@code @} before it; or an introducer such as
 * "its", "is", "im", "as" after a platform that follows "on", "my", "add", … — "add me on snap its
 * jenny", "my insta is jenny"; or a name straight after "me on &lt;platform&gt;") or looks like one
 * (a digit, {@code _} or an inner dot); common words ("snap is broken", "my insta is private") are
 * not handles. Runs of handle characters
 * longer than {@value #MAX_HANDLE} are not handles (no listed platform allows them), which keeps
 * the work after each platform name bounded: a scan reads each character a bounded number of times.
 * Stateless, thread-safe.
 */
final class PlatformHandles {
    /** Longest handle looked at, in characters (platforms allow 15 to 50). */
    static final int MAX_HANDLE = 64;

    static final String[] PLATFORMS = {"snap", "snapchat", "sc", "insta", "instagram", "ig", "tiktok", "discord",
        "kik", "telegram", "tg", "whatsapp", "wa", "twitter", "fb", "facebook", "reddit", "wickr", "threema", "skype"};
    /** Words before a platform name that make an introducer after it explicit ("on snap its …", "my insta is …"). */
    private static final Set<String> CONTEXT = Set.of("on", "my", "me", "via", "add", "follow", "hmu", "find", "dm",
        "msg", "message", "text", "mi", "en", "por", "mein", "meine", "auf", "mon", "ma", "sur");
    /** Introducers of a handle after a platform name, each followed by a space. */
    private static final String[] INTRODUCERS = {"its ", "it's ", "it\u2019s ", "is ", "im ", "i'm ", "i\u2019m ",
        "as ", "es ", "ist ", "c'est ", "c\u2019est ", "cest ", "est ", "soy ", "bin ", "username is ", "username ",
        "name is ", "handle is ", "handle "};
    private static final int PLATFORM_INITIALS = initials(PLATFORMS);
    private static final Set<String> NOT_HANDLES = Set.of("me", "my", "is", "the", "a", "an", "and", "or", "to", "for",
        "too", "but", "it", "im", "i", "you", "on", "in", "at", "of", "app", "account", "page", "story", "stories",
        "post", "posts", "dm", "dms", "chat", "group", "server", "call", "video", "yesterday", "today", "lol",
        // words that follow "my snap is …", "on insta its …" and are no name
        "broken", "down", "dead", "private", "public", "deleted", "banned", "blocked", "hacked", "new", "old",
        "lagging", "glitching", "weird", "annoying", "toxic", "full", "empty", "not", "so", "really", "just", "still",
        "also", "always", "never", "same", "different", "fine", "ok", "okay", "here", "there", "up", "off", "out",
        "back", "over", "open", "closed", "free", "better", "worse", "bad", "good", "great", "boring", "addictive",
        "cringe", "pointless", "bugged", "buggy", "slow", "gone", "this", "that", "what", "how", "why", "where",
        "when", "who", "he", "she", "they", "we", "them", "her", "him", "his", "their", "our", "all", "some", "no",
        "yes", "because", "like", "literally", "honestly", "basically", "actually", "kinda", "pretty", "very", "way",
        "such", "more", "less", "fake", "real", "nothing", "everything", "kind", "mostly", "mine",
        "with", "from", "about", "only", "your", "ur", "been", "being", "was", "were", "are", "have", "has", "had",
        "gonna", "going", "cool", "nice", "fun", "funny", "sad", "depressing", "triggering", "awful", "terrible",
        "muy", "sehr", "tres", "una", "un", "une", "ein", "eine", "la", "el", "le", "der", "die", "das");
    private static final int LONGEST_NOT_HANDLE = 9;

    private PlatformHandles() {
    }

    private static int initials(String[] words) {
        int mask = 0;
        for (String w : words) {
            mask |= 1 << (w.charAt(0) - 'a');
        }
        return mask;
    }

    /** Reports handles in {@code s}; returns the number of characters read (a small multiple of its length). */
    static int scan(String s, ContactScanner.Found found) {
        int n = s.length();
        int steps = 0;
        int i = 0;
        int prevStart = -1; // the word before the current one, and the one before that
        int prevEnd = -1;
        int prev2Start = -1;
        int prev2End = -1;
        while (i < n) {
            steps++;
            if (!isLetterOrDigit(s.charAt(i)) || (i > 0 && isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            int wordEnd = i + 1;
            while (wordEnd < n && isLetterOrDigit(s.charAt(wordEnd))) {
                wordEnd++;
            }
            steps += wordEnd - i;
            if (wordEnd - i == 1 && (s.charAt(i) == 'u' || s.charAt(i) == 'U') && wordEnd < n && s.charAt(wordEnd) == '/') {
                int end = wordEnd + 1;
                while (end < n && (ContactScanner.isHandleChar(s.charAt(end)) || s.charAt(end) == '-')) {
                    end++; // stops at the next '/', so u/u/u/... reads each character once
                }
                steps += end - wordEnd;
                if (end - wordEnd - 1 >= 3) {
                    found.range(i, end);
                }
            } else if (isPlatform(s, i, wordEnd)) {
                boolean context = isWord(s, prevStart, prevEnd, CONTEXT);
                boolean meOn = context && s.regionMatches(true, prevStart, "on", 0, 2)
                        && prev2End - prev2Start == 2 && s.regionMatches(true, prev2Start, "me", 0, 2);
                steps += handleAfter(s, wordEnd, context, meOn, found);
            }
            prev2Start = prevStart;
            prev2End = prevEnd;
            prevStart = i;
            prevEnd = wordEnd;
            i = wordEnd;
        }
        return steps;
    }

    /** True if {@code s[from, to)} is, in lower case, one of {@code words} (short words only). */
    private static boolean isWord(String s, int from, int to, Set<String> words) {
        return from >= 0 && to - from <= 7 && words.contains(s.substring(from, to).toLowerCase(Locale.ROOT));
    }

    /** True if {@code s[from, to)} is a platform name, also in leetspeak ("sn4p", "1nsta", "wh4tsapp"). */
    private static boolean isPlatform(String s, int from, int to) {
        int len = to - from;
        if (len < 2 || len > 9) {
            return false;
        }
        char first = fold(s.charAt(from));
        if (first < 'a' || first > 'z' || (PLATFORM_INITIALS & (1 << (first - 'a'))) == 0 || !hasLetter(s, from, to)) {
            return false;
        }
        for (String p : PLATFORMS) {
            if (p.length() == len && p.charAt(0) == first && foldedEquals(s, from, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedEquals(String s, int from, String p) {
        for (int k = 0; k < p.length(); k++) {
            if (fold(s.charAt(from + k)) != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, with leetspeak digits read as the letters they stand for. */
    static char fold(char c) {
        if (c >= '0' && c <= '9') {
            return LEET_DIGITS.charAt(c - '0');
        }
        return c < 128 ? (char) (c | 0x20) : c;
    }

    /** What each digit stands for in leetspeak ('2' and '6' stand for nothing and stay digits). */
    private static final String LEET_DIGITS = "oi2ea56tbg";

    /**
     * After a platform name: optional separator (":", "=", "-", "@", "is"), then the handle.
     * Reads the spaces after the name (which no other platform name shares) and at most
     * {@value #MAX_HANDLE} + 1 handle characters; returns the number of characters read.
     */
    private static int handleAfter(String s, int from, boolean context, boolean meOn, ContactScanner.Found found) {
        int n = s.length();
        int i = skipSpaces(s, from);
        i = skipWord(s, i, "me");
        i = skipWord(s, i, "at");
        boolean explicit = meOn;
        if (i < n && (s.charAt(i) == ':' || s.charAt(i) == '=' || s.charAt(i) == '-')) {
            explicit = s.charAt(i) != '-';
            i = skipSpaces(s, i + 1);
        } else {
            for (String intro : INTRODUCERS) {
                if (i + intro.length() <= n && s.regionMatches(true, i, intro, 0, intro.length())) {
                    explicit |= context;
                    i = skipSpaces(s, i + intro.length());
                    break;
                }
            }
        }
        int start = i;
        if (i < n && s.charAt(i) == '@') {
            explicit = true;
            i++;
        }
        int limit = Math.min(n, i + MAX_HANDLE + 1);
        int end = i;
        while (end < limit && ContactScanner.isHandleChar(s.charAt(end))) {
            end++;
        }
        int steps = end - from + 1;
        if (end - i > MAX_HANDLE) {
            return steps; // longer than any platform allows: not a handle
        }
        while (end > i && s.charAt(end - 1) == '.') {
            end--;
        }
        if (end - i < 2 || !hasLetter(s, i, end)) {
            return steps;
        }
        if (end - i <= LONGEST_NOT_HANDLE && NOT_HANDLES.contains(s.substring(i, end).toLowerCase(Locale.ROOT))) {
            return steps;
        }
        if (explicit || handleLike(s, i, end)) {
            found.range(start, end);
        }
        return steps + 2 * (end - i);
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A digit, "_" or a dot inside: looks like a handle rather than a word. */
    private static boolean handleLike(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (ContactScanner.isDigit(c) || c == '_' || (c == '.' && k > from && k < to - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Skips {@code word} and the spaces after it when it stands at {@code i} as a whole word. */
    private static int skipWord(String s, int i, String word) {
        int end = i + word.length();
        if (end < s.length() && s.regionMatches(true, i, word, 0, word.length()) && s.charAt(end) == ' ') {
            return skipSpaces(s, end);
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Character.isLetter with an ASCII fast path. */
    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Character.isLetterOrDigit(c);
    }
}
