package org.kindred.server.moderation;

import java.util.Locale;
import java.util.Set;

/**
 * Finds social-media handles named after a platform ("snap: name", "insta jane_doe", "add me on
 * snapchat coolkid99") and Reddit's {@code u/name}. A handle after a platform name is reported when
 * it is explicit ({@code :}, {@code =} or {@code @} before it) or looks like one (a digit, {@code _}
 * or an inner dot); common words ("snap is broken") are not handles. Runs of handle characters
 * longer than {@value #MAX_HANDLE} are not handles (no listed platform allows them), which keeps
 * the work after each platform name bounded: a scan reads each character a bounded number of times.
 * Stateless, thread-safe.
 */
final class PlatformHandles {
    /** Longest handle looked at, in characters (platforms allow 15 to 50). */
    static final int MAX_HANDLE = 64;

    static final String[] PLATFORMS = {"snap", "snapchat", "insta", "instagram", "ig", "tiktok", "discord",
        "kik", "telegram", "whatsapp", "twitter", "fb", "facebook", "reddit", "wickr", "threema", "skype"};
    private static final int PLATFORM_INITIALS = initials(PLATFORMS);
    private static final Set<String> NOT_HANDLES = Set.of("me", "my", "is", "the", "a", "an", "and", "or", "to", "for",
        "too", "but", "it", "im", "i", "you", "on", "in", "at", "of", "app", "account", "page", "story", "stories",
        "post", "posts", "dm", "dms", "chat", "group", "server", "call", "video", "yesterday", "today", "lol");
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
        while (i < n) {
            steps++;
            if (!isLetter(s.charAt(i)) || (i > 0 && isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            int wordEnd = i + 1;
            while (wordEnd < n && isLetter(s.charAt(wordEnd))) {
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
                steps += handleAfter(s, wordEnd, found);
            }
            i = wordEnd;
        }
        return steps;
    }

    private static boolean isPlatform(String s, int from, int to) {
        int len = to - from;
        if (len < 2 || len > 9) {
            return false;
        }
        char first = (char) (s.charAt(from) | 0x20);
        if (first < 'a' || first > 'z' || (PLATFORM_INITIALS & (1 << (first - 'a'))) == 0) {
            return false;
        }
        for (String p : PLATFORMS) {
            if (p.length() == len && p.charAt(0) == first && s.regionMatches(true, from, p, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a platform name: optional separator (":", "=", "-", "@", "is"), then the handle.
     * Reads the spaces after the name (which no other platform name shares) and at most
     * {@value #MAX_HANDLE} + 1 handle characters; returns the number of characters read.
     */
    private static int handleAfter(String s, int from, ContactScanner.Found found) {
        int n = s.length();
        int i = skipSpaces(s, from);
        i = skipWord(s, i, "me");
        i = skipWord(s, i, "at");
        boolean explicit = false;
        if (i < n && (s.charAt(i) == ':' || s.charAt(i) == '=' || s.charAt(i) == '-')) {
            explicit = s.charAt(i) != '-';
            i = skipSpaces(s, i + 1);
        } else if (i + 2 < n && s.regionMatches(true, i, "is", 0, 2) && s.charAt(i + 2) == ' ') {
            i = skipSpaces(s, i + 2);
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
