package org.kindred.server.moderation;

import java.util.List;
import java.util.Set;

/**
 * Finds contact details in message text: phone numbers (international and local formats, also
 * spaced out, also spelled out in words: {@link SpelledNumbers}), e-mail addresses (also "name at
 * mail dot com"), {@code @handles} ({@link AtSigns}), handles after a platform name ("snap: name", "insta jane_doe",
 * "sn4p its name"), messenger links with their handle ("t.me/name": {@link MessengerLinks}),
 * Discord tags and {@code u/name}. Reports original ranges. Allocation-free on text without
 * candidates. Thread-safe (stateless but for config).
 */
final class ContactScanner {
    /** Receives a found range {@code [start, end)} of the text. */
    @FunctionalInterface
    interface Found {
        void range(int start, int end);
    }

    private final PhoneNumbers phones;

    ContactScanner(Set<String> crisisNumbers) {
        this.phones = new PhoneNumbers(crisisNumbers);
    }

    /**
     * Reports every contact detail in {@code s} to {@code found} as a range of {@code s}, in no
     * particular order (ranges may overlap).
     *
     * @param mentionable nicknames (any case) that "@" may name without it being a handle
     * @return the number of characters read, for tests of the linear-time bound: at most a small
     *         multiple of {@code s.length()} plus, per "@", the length of the nicknames
     */
    int scan(String s, List<String> mentionable, Found found) {
        // One pass decides which of the finders below can possibly find something.
        int digits = 0;
        int numberWords = 0; // words that may be spelled digits ("five", "cinco", "oh")
        boolean at = false;
        boolean hash = false;
        boolean slash = false;
        boolean spelled = false;
        boolean platform = false; // a word that may be a platform name (also in leetspeak), or "u/"
        boolean otherLetters = false; // non-ASCII letters: platform and number words are then checked the slow way
        int wordHash = 0;
        int wordLength = 0;
        char before = ' ';
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            int kind = c < 128 ? ASCII[c] : 0;
            if (kind != 0) {
                // words hash their letters in lower case and digits as the letters they stand for ("sn4p")
                wordHash = 31 * wordHash + ((kind & DIGIT) != 0 ? PlatformHandles.fold(c) : (c | 0x20));
                wordLength++;
                digits += kind & DIGIT;
                // "dot" of a spelled-out e-mail address ("jo at mail dot com")
                spelled |= wordLength == 1 && (c | 0x20) == 'd' && (before == ' ' || before == '(' || before == '[')
                        && s.regionMatches(true, i, "dot", 0, 3);
            } else {
                if (wordLength > 0) {
                    platform |= mayBePlatform(wordHash, wordLength, c);
                    numberWords += SpelledNumbers.mayBeNumberWord(wordHash, wordLength) ? 1 : 0;
                    wordHash = 0;
                    wordLength = 0;
                }
                if (c < 128) {
                    at |= c == '@';
                    hash |= c == '#';
                    slash |= c == '/';
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
            numberWords += SpelledNumbers.mayBeNumberWord(wordHash, wordLength) ? 1 : 0;
        }
        int steps = s.length();
        if (digits >= PhoneNumbers.MIN_DIGITS) {
            steps += phones.scan(s, found);
        }
        if (numberWords > 0 && (numberWords + digits >= PhoneNumbers.MIN_DIGITS || otherLetters)) {
            steps += SpelledNumbers.scan(s, phones, found);
        }
        if (at) {
            steps += AtSigns.scan(s, mentionable, found);
        }
        if (hash) {
            steps += discordTags(s, found);
        }
        if (slash) {
            steps += MessengerLinks.scan(s, found);
        }
        if (spelled) {
            steps += SpelledEmails.scan(s, found);
        }
        if (platform || otherLetters) {
            steps += PlatformHandles.scan(s, found);
        }
        return steps;
    }

    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    /** Per ASCII char: digit or letter. */
    private static final byte[] ASCII = new byte[128];
    /** Hashes (31 * h + lower-case char) of the platform names. */
    private static final int[] PLATFORM_HASHES = new int[PlatformHandles.PLATFORMS.length];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = DIGIT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LETTER;
            ASCII[Character.toUpperCase(c)] = LETTER;
        }
        for (int k = 0; k < PlatformHandles.PLATFORMS.length; k++) {
            PLATFORM_HASHES[k] = PlatformHandles.PLATFORMS[k].hashCode(); // String.hashCode is the same polynomial
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

    static boolean isHandleChar(char c) {
        return isAsciiAlnum(c) || c == '_' || c == '.';
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    // ---- Discord tags ----

    private static int discordTags(String s, Found found) {
        int steps = 0;
        for (int h = s.indexOf('#'); h >= 0; h = s.indexOf('#', h + 1)) {
            int end = h + 1;
            while (end < s.length() && isDigit(s.charAt(end))) {
                end++; // stops at the next '#'
            }
            boolean fourDigits = end - h - 1 == 4 && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)));
            int start = h;
            while (start > 0 && isHandleChar(s.charAt(start - 1))) {
                start--; // stops at the previous '#'
            }
            steps += end - start + 1;
            if (fourDigits && start < h) {
                found.range(start, end);
            }
        }
        return steps;
    }
}
