package org.kindred.server.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a person can meet in one of the client's HTML files: each element's text and its
 * {@code aria-label}, {@code placeholder}, {@code title} and {@code alt}, with the catalog key that
 * supplies them ({@code data-i18n}, {@code data-i18n-<attribute>}) or null when none does. A small
 * scanner for the client's own, well-formed pages (not a general HTML parser).
 *
 * @param tag the element
 * @param attribute the attribute holding the words, or null for the element's text
 * @param text the words, whitespace collapsed
 * @param keyed the catalog key that supplies them, or null
 */
record HtmlText(String tag, String attribute, String text, String keyed) {
    private static final Set<String> VOID = Set.of("meta", "link", "img", "input", "br", "hr", "source", "area", "col",
            "embed", "wbr");
    private static final List<String> WORDY = List.of("aria-label", "placeholder", "title", "alt");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->|<![^>]*>",
            Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

    /** Every piece of words in {@code html}, in document order (a keyed element's text once, when it closes). */
    static List<HtmlText> scan(String html) {
        List<HtmlText> out = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        int at = 0;
        while (m.find()) {
            text(html.substring(at, m.start()), stack, out);
            at = m.end();
            if (m.group(2) == null) {
                continue; // comment or doctype
            }
            String name = m.group(2).toLowerCase();
            if (m.group(1).isEmpty()) {
                Map<String, String> attrs = attributes(m.group(3));
                for (String a : WORDY) {
                    String v = attrs.get(a);
                    if (v != null && !v.isBlank()) {
                        out.add(new HtmlText(name, a, collapse(v), attrs.get("data-i18n-" + a)));
                    }
                }
                if (name.equals("script") || name.equals("style")) {
                    int end = html.indexOf("</" + name, m.end());
                    at = end < 0 ? html.length() : end;
                    m.region(at, html.length());
                    continue;
                }
                if (!VOID.contains(name) && !m.group(3).endsWith("/")) {
                    stack.push(new Open(name, attrs.get("data-i18n"), new StringBuilder()));
                }
            } else {
                while (!stack.isEmpty()) {
                    Open o = stack.pop();
                    if (o.key != null) {
                        out.add(new HtmlText(o.tag, null, collapse(o.words.toString()), o.key));
                    }
                    if (o.tag.equals(name)) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static void text(String raw, Deque<Open> stack, List<HtmlText> out) {
        if (raw.isBlank()) {
            if (!stack.isEmpty()) {
                stack.peek().words.append(raw);
            }
            return;
        }
        for (Open o : stack) {
            if (o.key != null) {
                o.words.append(raw.replace("&amp;", "&"));
                return;
            }
        }
        out.add(new HtmlText(stack.isEmpty() ? "#document" : stack.peek().tag, null, collapse(raw), null));
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> attrs = new HashMap<>();
        Matcher a = ATTR.matcher(s);
        while (a.find()) {
            String v = a.group(2);
            if (v != null && (v.startsWith("\"") || v.startsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            attrs.put(a.group(1).toLowerCase(), v == null ? "" : v.replace("&amp;", "&"));
        }
        return attrs;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private record Open(String tag, String key, StringBuilder words) {
    }
}
