package org.kindred.server.moderation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact details around each "@" of a message: an e-mail address ("jo.doe@mail.example.org":
 * a local part, then a domain whose last label has two letters or more) and an {@code @handle}
 * (two or more handle characters, a letter among them) unless it names a member of the room
 * ("@Ann" for Ann, any case, also a nickname with spaces). The local part before an "@" stops at
 * the previous "@", the domain or handle after it at the next, so each character is read a bounded
 * number of times, plus the nicknames that start like the handle. Stateless.
 */
final class AtSigns {
    private AtSigns() {
    }

    /**
     * Reports the e-mail addresses and handles around every "@" of {@code s} to {@code found}.
     *
     * @param mentionable nicknames (any case) that "@" may name without it being a handle
     * @return the number of characters read (see {@link ContactScanner#scan})
     */
    static int scan(String s, List<String> mentionable, ContactScanner.Found found) {
        int n = s.length();
        int steps = 0;
        Map<Integer, List<String>> nicks = null; // by first character, made when first needed
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && isLocalChar(s.charAt(start - 1))) {
                start--;
            }
            int domainEnd = domainEnd(s, at + 1);
            steps += 2 * (at - start) + 2 * (domainEnd - at) + 1;
            if (start < at && domainEnd > at + 1) {
                found.range(start, domainEnd);
                at = domainEnd - 1;
                continue;
            }
            if (start == at && (at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))) {
                int end = at + 1;
                while (end < n && ContactScanner.isHandleChar(s.charAt(end))) {
                    end++;
                }
                steps += 3 * (end - at);
                while (end > at + 1 && s.charAt(end - 1) == '.') {
                    end--; // sentence full stop
                }
                if (end - at - 1 >= 2 && hasLetter(s, at + 1, end)) {
                    if (nicks == null) {
                        nicks = byFirstChar(mentionable);
                    }
                    if (!mentionsMember(s, at + 1, nicks.getOrDefault(foldCase(s.charAt(at + 1)), List.of()))) {
                        found.range(at, end);
                    }
                }
            }
        }
        return steps;
    }

    /**
     * Nicknames by {@link #foldCase} of their first character, so that each "@handle" is compared
     * only with the few nicknames that can match it, not with the whole room.
     */
    private static Map<Integer, List<String>> byFirstChar(List<String> nicks) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (String nick : nicks) {
            if (!nick.isEmpty()) {
                out.computeIfAbsent(foldCase(nick.charAt(0)), k -> new ArrayList<>(2)).add(nick);
            }
        }
        return out;
    }

    /**
     * The same for two characters that {@link String#regionMatches(boolean, int, String, int, int)}
     * ignoring case takes as equal (for a surrogate pair: the same high surrogate).
     */
    private static int foldCase(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * True when a member's nickname (case-insensitive, spaces included) starts at {@code from} and
     * is not followed by more handle characters ("@ann" names Ann; "@ann_99" is not her).
     */
    private static boolean mentionsMember(String s, int from, List<String> mentionable) {
        for (String nick : mentionable) {
            int end = from + nick.length();
            if (end <= s.length() && s.regionMatches(true, from, nick, 0, nick.length())
                    && (end == s.length() || !ContactScanner.isHandleChar(s.charAt(end)) || s.charAt(end) == '.'
                        && (end + 1 == s.length() || !ContactScanner.isHandleChar(s.charAt(end + 1))))) {
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
            if (ContactScanner.isAsciiAlnum(c) || c == '-') {
                i++;
            } else if (c == '.' && i > from && i + 1 < n && ContactScanner.isAsciiAlnum(s.charAt(i + 1))) {
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
        return ContactScanner.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
