package org.kindred.server.crisis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns raw directory entries into {@link CrisisLine}s, or explains precisely what is wrong. */
final class CrisisLineValidator {
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9](?:[0-9 \\-]*[0-9])?");
    private static final Pattern SMS = Pattern.compile("[0-9](?:[0-9 ]*[0-9])?");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    /** A word to text: what a phone's prefilled message holds, so nothing that needs escaping. */
    private static final Pattern SMS_KEYWORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ]{0,18}[\\p{L}\\p{N}])?");
    private static final Pattern EMERGENCY = Pattern.compile("[0-9]{2,6}");

    private CrisisLineValidator() {
    }

    /** Validates a region or alias code: two upper-case letters. */
    static String region(String code, String where) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(c).matches()) {
            throw new IllegalArgumentException(where + ": region '" + code + "' (expected: ISO 3166 alpha-2, e.g. GB)");
        }
        return c;
    }

    /** Validates an ISO 639-1 language code. */
    static String language(String code, String where) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(c).matches()) {
            throw new IllegalArgumentException(where + ": language '" + code + "' (expected: ISO 639-1, e.g. fr)");
        }
        return c;
    }

    static CrisisLine line(String region, CrisisLinesFile.Entry e, String where) {
        if (e == null) {
            throw new IllegalArgumentException(where + ": empty entry (expected: a line with name, source, checked)");
        }
        String at = where + " '" + e.name() + "'";
        if (e.name() == null || e.name().isBlank()) {
            throw new IllegalArgumentException(where + ": line without a name (expected: name)");
        }
        if (blank(e.phone()) && blank(e.sms()) && blank(e.url())) {
            throw new IllegalArgumentException(at + ": no way to reach it (expected: at least one of phone, sms, url)");
        }
        String phone = number(e.phone(), PHONE, at, "phone", "digits, spaces, hyphens and an optional leading +");
        String sms = number(e.sms(), SMS, at, "sms", "digits and spaces");
        if (!blank(e.smsKeyword()) && sms == null) {
            throw new IllegalArgumentException(at + ": smsKeyword without sms (expected: sms number too)");
        }
        if (!blank(e.smsKeyword()) && !SMS_KEYWORD.matcher(e.smsKeyword().trim()).matches()) {
            throw new IllegalArgumentException(at + ": smsKeyword '" + e.smsKeyword()
                    + "' (expected: 1 to 20 letters, digits or spaces, e.g. HOME)");
        }
        String chat = https(e.chat(), at, "chat", false);
        String url = https(e.url(), at, "url", false);
        String source = https(e.source(), at, "source", true);
        LocalDate checked = date(e.checked(), at);
        List<String> languages = e.languages() == null ? List.of()
                : e.languages().stream().map(l -> language(l, at)).toList();
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(at + ": no languages (expected: e.g. languages: [en])");
        }
        return new CrisisLine(region, e.name().trim(), phone, sms, trimToNull(e.smsKeyword()), chat, url,
                trimToNull(e.hours()), languages, source, checked);
    }

    /**
     * An emergency number of a region: name, phone of 2 to 6 digits (112, 15, 10177), languages,
     * source and checked are required; no sms, chat or keyword (an emergency number is a call).
     */
    static CrisisLine emergency(String region, CrisisLinesFile.Entry e, String where) {
        if (e == null || e.name() == null || e.name().isBlank()) {
            throw new IllegalArgumentException(where + ": emergency number without a name (expected: name)");
        }
        String at = where + " '" + e.name() + "'";
        String phone = e.phone() == null ? "" : e.phone().trim();
        if (!EMERGENCY.matcher(phone).matches()) {
            throw new IllegalArgumentException(at + ": phone '" + e.phone() + "' (expected: 2 to 6 digits, e.g. 112)");
        }
        if (!blank(e.sms()) || !blank(e.smsKeyword()) || !blank(e.chat())) {
            throw new IllegalArgumentException(at + ": sms, smsKeyword or chat on an emergency number "
                    + "(expected: phone only, with an optional url)");
        }
        List<String> languages = e.languages() == null ? List.of()
                : e.languages().stream().map(l -> language(l, at)).toList();
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(at + ": no languages (expected: e.g. languages: [en])");
        }
        return new CrisisLine(region, e.name().trim(), phone, null, null, null, https(e.url(), at, "url", false),
                trimToNull(e.hours()), languages, https(e.source(), at, "source", true), date(e.checked(), at));
    }

    private static String number(String raw, Pattern shape, String at, String field, String expected) {
        if (blank(raw)) {
            return null;
        }
        String v = raw.trim();
        long digits = v.chars().filter(Character::isDigit).count();
        if (!shape.matcher(v).matches() || digits < 3 || digits > 15) {
            throw new IllegalArgumentException(at + ": " + field + " '" + raw + "' (expected: 3 to 15 " + expected + ")");
        }
        return v;
    }

    private static String https(String raw, String at, String field, boolean required) {
        if (blank(raw)) {
            if (required) {
                throw new IllegalArgumentException(at + ": " + field + " missing (expected: an https URL)");
            }
            return null;
        }
        try {
            URI uri = new URI(raw.trim());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getHost().contains(".")) {
                return uri.toString();
            }
        } catch (URISyntaxException ex) {
            // explained below
        }
        throw new IllegalArgumentException(at + ": " + field + " '" + raw + "' (expected: an https URL)");
    }

    private static LocalDate date(String raw, String at) {
        try {
            return LocalDate.parse(raw == null ? "" : raw.trim());
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(at + ": checked '" + raw + "' (expected: an ISO date such as 2026-01-31)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
