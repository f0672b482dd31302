package org.kindred.server.moderation;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds contact details in message text: phone numbers (international and local formats, also
 * spaced out), e-mail addresses (also "name at mail dot com"), {@code @handles}, handles after a
 * platform name ("snap: name", "insta jane_doe"), Discord tags and {@code u/name}. Reports original
 * ranges. Allocation-free on text without candidates. Thread-safe (stateless but for config).
 */
final class ContactScanner {
    /** Receives a found range {@code [start, end)} of the text. */
    @FunctionalInterface
    interface Found {
        void range(int start, int end);
    }

    private static final Pattern SPELLED_EMAIL = Pattern.compile(
            "(?i)[a-z0-9._%+-]{2,}\\s*(?:\\(at\\)|\\[at\\]|\\sat\\s|@)\\s*[a-z0-9-]{2,}\\s*(?:\\(dot\\)|\\[dot\\]|\\sdot\\s)\\s*[a-z]{2,6}\\b");
    private static final String[] PLATFORMS = {"snap", "snapchat", "insta", "instagram", "ig", "tiktok", "discord",
        "kik", "telegram", "whatsapp", "twitter", "fb", "facebook", "reddit", "wickr", "threema", "skype"};
    private static final int PLATFORM_INITIALS = initials(PLATFORMS);
    private static final Set<String> NOT_HANDLES = Set.of("me", "my", "is", "the", "a", "an", "and", "or", "to", "for",
        "too", "but", "it", "im", "i", "you", "on", "in", "at", "of", "app", "account", "page", "story", "stories",
        "post", "posts", "dm", "dms", "chat", "group", "server", "call", "video", "yesterday", "today", "lol");

    private final PhoneNumbers phones;

    private static int initials(String[] words) {
        int mask = 0;
        for (String w : words) {
            mask |= 1 << (w.charAt(0) - 'a');
        }
        return mask;
    }

    ContactScanner(Set<String> crisisNumbers) {
        this.phones = new PhoneNumbers(crisisNumbers);
    }

    /** @param mentionable nicknames (any case) that "@" may name without it being a handle */
    void scan(String s, List<String> mentionable, Found found) {
        // One pass decides which of the finders below can possibly find something.
        int digits = 0;
        boolean at = false;
        boolean hash = false;
        boolean spelled = false;
        boolean platform = false; // a word that may be a platform name, or "u/"
        boolean otherLetters = false; // non-ASCII letters: platform words are then checked the slow way
        int wordHash = 0;
        int wordLength = 0;
        char before = ' ';
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            int kind = c < 128 ? ASCII[c] : 0;
            if ((kind & LETTER) != 0) {
                wordHash = 31 * wordHash + (c | 0x20);
                wordLength++;
                // "dot" of a spelled-out e-mail address ("jo at mail dot com")
                spelled |= wordLength == 1 && (c | 0x20) == 'd' && (before == ' ' || before == '(' || before == '[')
                        && s.regionMatches(true, i, "dot", 0, 3);
            } else {
                if (wordLength > 0) {
                    platform |= mayBePlatform(wordHash, wordLength, c);
                    wordHash = 0;
                    wordLength = 0;
                }
                if (c < 128) {
                    digits += kind & DIGIT;
                    at |= c == '@';
                    hash |= c == '#';
                } else if (Character.isDigit(c)) {
                    digits++;
                } else {
                    otherLetters |= Character.isLetter(c);
                }
            }
            before = c;
        }
        if (wordLength > 0) {
            platform |= mayBePlatform(wordHash, wordLength, ' ');
        }
        if (digits >= PhoneNumbers.MIN_DIGITS) {
            phones.scan(s, found);
        }
        if (at) {
            atSigns(s, mentionable, found);
        }
        if (hash) {
            discordTags(s, found);
        }
        if (spelled) {
            Matcher m = SPELLED_EMAIL.matcher(s);
            while (m.find()) {
                found.range(m.start(), m.end());
            }
        }
        if (platform || otherLetters) {
            platformHandles(s, found);
        }
    }

    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    /** Per ASCII char: digit or letter. */
    private static final byte[] ASCII = new byte[128];
    /** Hashes (31 * h + lower-case char) of the platform names. */
    private static final int[] PLATFORM_HASHES = new int[PLATFORMS.length];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = DIGIT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LETTER;
            ASCII[Character.toUpperCase(c)] = LETTER;
        }
        for (int k = 0; k < PLATFORMS.length; k++) {
            PLATFORM_HASHES[k] = PLATFORMS[k].hashCode(); // String.hashCode is the same polynomial
        }
    }

    /** True if an ASCII word with this hash and length, followed by {@code next}, may start a handle. */
    private static boolean mayBePlatform(int hash, int length, char next) {
        if (length == 1) {
            return hash == 'u' && next == '/';
        }
        if (length > 9) {
            return false;
        }
        for (int h : PLATFORM_HASHES) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || (c > 127 && Character.isDigit(c));
    }

    // ---- e-mail addresses and @handles ----

    private static void atSigns(String s, List<String> mentionable, Found found) {
        int n = s.length();
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalChar(s.charAt(start - 1))) {
                start--;
            }
            int domainEnd = domainEnd(s, at + 1);
            if (start < at && domainEnd > at + 1) {
                found.range(start, domainEnd);
                at = domainEnd - 1;
                continue;
            }
            if (start == at && (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))) {
                int end = at + 1;
                while (end < n && isHandleChar(s.charAt(end))) {
                    end++;
                }
                while (end > at + 1 && s.charAt(end - 1) == '.') {
                    end--; // sentence full stop
                }
                if (end - at - 1 >= 2 && hasLetter(s, at + 1, end) && !mentionsMember(s, at + 1, mentionable)) {
                    found.range(at, end);
                }
            }
        }
    }

    /**
     * True when a member's nickname (case-insensitive, spaces included) starts at {@code from} and
     * is not followed by more handle characters ("@ann" names Ann; "@ann_99" is not her).
     */
    private static boolean mentionsMember(String s, int from, List<String> mentionable) {
        for (String nick : mentionable) {
            int end = from + nick.length();
            if (end <= s.length() && s.regionMatches(true, from, nick, 0, nick.length())
                    && (end == s.length() || !isHandleChar(s.charAt(end)) || s.charAt(end) == '.'
                        && (end + 1 == s.length() || !isHandleChar(s.charAt(end + 1))))) {
                return true;
            }
        }
        return false;
    }

    /** End of a domain ("mail.example.org") starting at {@code from}, or {@code from} if none. */
    private static int domainEnd(String s, int from) {
        int n = s.length();
        int i = from;
        int lastDot = -1;
        while (i < n) {
            char c = s.charAt(i);
            if (isAsciiAlnum(c) || c == '-') {
                i++;
            } else if (c == '.' && i > from && i + 1 < n && isAsciiAlnum(s.charAt(i + 1))) {
                lastDot = i;
                i++;
            } else {
                break;
            }
        }
        if (lastDot < 0 || i - lastDot - 1 < 2) {
            return from;
        }
        for (int k = lastDot + 1; k < i; k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return from;
            }
        }
        return i;
    }

    private static boolean isLocalChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isHandleChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '.';
    }

    /** Character.isLetter with an ASCII fast path. */
    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c);
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // ---- Discord tags, u/name and handles after a platform name ----

    private static void discordTags(String s, Found found) {
        for (int h = s.indexOf('#'); h >= 0; h = s.indexOf('#', h + 1)) {
            int end = h + 1;
            while (end < s.length() && isDigit(s.charAt(end))) {
                end++;
            }
            boolean fourDigits = end - h - 1 == 4 && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
            int start = h;
            while (start > 0 && isHandleChar(s.charAt(start - 1))) {
                start--;
            }
            if (fourDigits && start < h) {
                found.range(start, end);
            }
        }
    }

    private static void platformHandles(String s, Found found) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isLetter(s.charAt(i)) || (i > 0 && isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            int wordEnd = i + 1;
            while (wordEnd < n && isLetter(s.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd - i == 1 && (s.charAt(i) == 'u' || s.charAt(i) == 'U') && wordEnd < n && s.charAt(wordEnd) == '/') {
                int end = wordEnd + 1;
                while (end < n && (isHandleChar(s.charAt(end)) || s.charAt(end) == '-')) {
                    end++;
                }
                if (end - wordEnd - 1 >= 3) {
                    found.range(i, end);
                }
            } else if (isPlatform(s, i, wordEnd)) {
                handleAfter(s, wordEnd, found);
            }
            i = wordEnd;
        }
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

    /** After a platform name: optional separator (":", "=", "-", "@", "is"), then the handle. */
    private static void handleAfter(String s, int from, Found found) {
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
        int end = i;
        while (end < n && isHandleChar(s.charAt(end))) {
            end++;
        }
        while (end > i && s.charAt(end - 1) == '.') {
            end--;
        }
        if (end - i < 2 || !hasLetter(s, i, end)) {
            return;
        }
        String token = s.substring(i, end).toLowerCase(java.util.Locale.ROOT);
        if (NOT_HANDLES.contains(token)) {
            return;
        }
        if (explicit || handleLike(token)) {
            found.range(start, end);
        }
    }

    private static boolean handleLike(String token) {
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (isDigit(c) || c == '_' || (c == '.' && k > 0 && k < token.length() - 1)) {
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
}
