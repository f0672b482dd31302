package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * What PROTOCOL.md allows as the reply to each naughty request. Each check returns null when
 * the reply is allowed, else a short description of what was wrong (for the failure report).
 */
final class NaughtyChecks {
    /** More combining marks than this in a row means zalgo was not cut ("a few per letter"). */
    static final int MAX_MARK_RUN = 8;
    private static final Set<String> STAFF = Set.of("moderator", "admin", "administrator", "kindred",
            "kindred team");

    private NaughtyChecks() {
    }

    /** Common to every request: exactly one reply, echoing the id when the request had one. */
    static String envelope(NaughtyLane.Req r) {
        if (r.replies.isEmpty()) {
            return "no reply";
        }
        if (r.replies.size() > 1) {
            return r.replies.size() + " replies: " + r.replies;
        }
        JsonNode m = r.reply();
        if (r.id != null && !r.id.equals(m.path("id").asText(null))) {
            return "reply does not echo the id: " + brief(m);
        }
        if ("error".equals(m.path("type").asText()) && m.path("message").asText("").isBlank()) {
            return "error without a readable message: " + brief(m);
        }
        return null;
    }

    /** The reply is an error with one of {@code codes}, or (when {@code success} is not null) of that type. */
    static String oneOf(NaughtyLane.Req r, String success, String... codes) {
        String type = r.type();
        if (success != null && success.equals(type)) {
            return null;
        }
        if ("error".equals(type)) {
            for (String c : codes) {
                if (c.equals(r.code())) {
                    return null;
                }
            }
        }
        String errors = codes.length == 0 ? "" : "error " + String.join("/", codes);
        return "unexpected reply " + brief(r.reply()) + " (expected: " + (success == null ? errors
                : codes.length == 0 ? success : success + " or " + errors) + ")";
    }

    /** A raw (non-string) value where a string belongs is a mistyped field: bad_request, id echoed. */
    static String mistyped(NaughtyLane.Req r) {
        return oneOf(r, null, "bad_request");
    }

    /** Text as delivered to people: trimmed, non-empty, no controls or bidi overrides, zalgo cut. */
    static String deliveredText(String text, int maxText) {
        if (text == null || text.isBlank()) {
            return "delivered a blank text";
        }
        if (text.codePointCount(0, text.length()) > maxText) {
            return "delivered " + text.codePointCount(0, text.length()) + " characters (max " + maxText + ")";
        }
        int run = 0;
        int worst = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch < 0x20 && ch != '\n') || (ch >= 0x7F && ch <= 0x9F) || (ch >= 0x202A && ch <= 0x202E)
                    || (ch >= 0x2066 && ch <= 0x2069)) {
                return String.format("delivered text keeps control/bidi character U+%04X", (int) ch);
            }
            int t = Character.getType(ch);
            run = t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK ? run + 1 : 0;
            worst = Math.max(worst, run);
        }
        if (worst > MAX_MARK_RUN) {
            return "zalgo not cut: delivered a run of " + worst + " combining marks";
        }
        return null;
    }

    /** A nickname the server accepted: 2–24 allowed characters that show as something, not a staff title. */
    static String acceptedNick(String nick) {
        if (nick == null) {
            return "joined without a nick";
        }
        int n = nick.strip().codePointCount(0, nick.strip().length());
        if (!nick.equals(nick.strip()) || n < 2 || n > 24) {
            return "accepted nick of " + n + " characters after trimming: '" + nick + "'";
        }
        if (!nick.codePoints().allMatch(cp -> Character.isLetter(cp) || number(cp) || cp == ' ' || cp == '_'
                || cp == '-' || cp == '.')) {
            return "accepted nick with a character outside letters, digits, space, _ - .";
        }
        boolean visible = nick.codePoints().anyMatch(cp -> (Character.isLetter(cp) || number(cp)) && !blankLetter(cp));
        if (!visible) {
            return "accepted a nick that shows as nothing or only punctuation";
        }
        String folded = Normalizer.normalize(nick, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        if (STAFF.contains(folded)) {
            return "accepted a staff title / product name as a member's nick";
        }
        return null;
    }

    /** Any Unicode number: decimal digits, but also superscripts and fractions (the server allows \p{N}). */
    private static boolean number(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** Letters that render as nothing (Hangul fillers, braille blank is a symbol so not here). */
    private static boolean blankLetter(int cp) {
        return cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0;
    }

    /** An id the protocol accepts: a string of at most 64 characters (UTF-16 units, the strict reading). */
    static boolean validId(NaughtyCorpus.Entry e) {
        return !e.raw() && e.value().length() <= 64;
    }

    /** An id over 64 by every reading (code points too). */
    static boolean invalidId(NaughtyCorpus.Entry e) {
        return e.raw() || e.value().codePointCount(0, e.value().length()) > 64;
    }

    static String brief(JsonNode m) {
        if (m == null) {
            return "nothing";
        }
        String s = m.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
