package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web client's message catalogs ({@code web-client/…/kindred-web/i18n/*.json}) against each other
 * and against the code that uses them: every language has exactly English's keys, with the same
 * {placeholders} and plural forms; every key the JavaScript or HTML names exists and every key is used;
 * no user-visible English is left in the HTML or composed in the JavaScript; and no stylesheet assumes
 * left-to-right. Reads the files from the source tree, so it fails before any browser runs.
 */
class ClientCatalogTest {
    static final List<String> LANGUAGES = List.of("en", "es", "de", "fr");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WEB = webRoot();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** A key-looking literal: 'landing.title', 'checkin.answer.better'. */
    private static final Pattern KEY_LITERAL = Pattern.compile("(?<!type: )'([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+)'");
    /** msg( or t( whose first argument is not a literal. */
    private static final Pattern DYNAMIC_CALL = Pattern.compile("(?<![\\w.])(?:msg|t)\\(\\s*([^'\\s)][^,)]*)[,)]");
    private static final Pattern I18N_ATTR = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]+)\"");

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglish() throws IOException {
        Map<String, JsonNode> en = catalog("en");
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Map<String, JsonNode> other = catalog(lang);
            Set<String> missing = new TreeSet<>(en.keySet());
            missing.removeAll(other.keySet());
            Set<String> extra = new TreeSet<>(other.keySet());
            extra.removeAll(en.keySet());
            if (!missing.isEmpty()) {
                problems.add(lang + ".json lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(lang + ".json has keys English does not: " + extra);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyTranslationKeepsThePlaceholdersAndPluralFormsOfEnglish() throws IOException {
        Map<String, JsonNode> en = catalog("en");
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            for (Map.Entry<String, JsonNode> e : catalog(lang).entrySet()) {
                JsonNode english = en.get(e.getKey());
                if (english == null) {
                    continue; // reported by the key test
                }
                JsonNode v = e.getValue();
                if (v.isObject()) {
                    if (!v.path("one").isTextual() || !v.path("other").isTextual()) {
                        problems.add(lang + " " + e.getKey() + ": a plural needs \"one\" and \"other\"");
                    }
                } else if (!v.isTextual() || v.asText().isBlank()) {
                    problems.add(lang + " " + e.getKey() + ": not a sentence");
                }
                if (v.isObject() != english.isObject()) {
                    problems.add(lang + " " + e.getKey() + ": plural in one language and not in the other");
                }
                if (!placeholders(v).equals(placeholders(english))) {
                    problems.add(lang + " " + e.getKey() + ": placeholders " + placeholders(v) + ", English has "
                            + placeholders(english));
                }
                if (!"en".equals(lang) && v.equals(english) && words(english) >= 2) {
                    problems.add(lang + " " + e.getKey() + ": still in English");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Buttons whose screen-reader name is a longer sentence ("Report" / "Report message from Bo"): the
     * visible words must be part of that name in every language (WCAG 2.5.3, label in name).
     */
    private static final List<List<String>> LABEL_IN_NAME = List.of(
            List.of("act.button", "act.label"), List.of("esc.claim", "esc.claimLabel"),
            List.of("esc.reach", "esc.reachLabel"), List.of("esc.resolve", "esc.resolveLabel"),
            List.of("report.delete", "report.deleteLabel"), List.of("live.delete", "report.deleteLabel"),
            List.of("report.dismiss", "report.dismissLabel"), List.of("report.dismiss", "alert.dismissLabel"),
            List.of("held.approve", "held.approveLabel"), List.of("held.reject", "held.rejectLabel"),
            List.of("rooms.apply", "rooms.applyLabel"), List.of("rooms.watch", "rooms.watchLabel"),
            List.of("bans.unban", "bans.unbanLabel"), List.of("action.do.unmute", "mutes.unmuteLabel"),
            List.of("message.report", "message.reportLabel"), List.of("common.close", "crisis.closeLabel"),
            List.of("common.close", "checkin.closeLabel"), List.of("crisis.textKeyword", "crisis.textKeywordTo"));

    @Test
    void aButtonsVisibleWordsArePartOfItsSpokenNameInEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Map<String, JsonNode> c = catalog(lang);
            for (List<String> pair : LABEL_IN_NAME) {
                String visible = PLACEHOLDER.matcher(c.get(pair.get(0)).asText()).replaceAll("").strip();
                String spoken = c.get(pair.get(1)).asText();
                if (!spoken.toLowerCase(java.util.Locale.ROOT).contains(visible.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(lang + ": \"" + visible + "\" (" + pair.get(0) + ") is not in \"" + spoken + "\" ("
                            + pair.get(1) + ")");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyTheClientNamesExistsAndEveryKeyIsUsed() throws IOException {
        Map<String, JsonNode> en = catalog("en");
        Set<String> namespaces = new TreeSet<>();
        for (String k : en.keySet()) {
            namespaces.add(k.substring(0, k.indexOf('.')));
        }
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path js : files("js", ".js")) {
            String code = stripComments(read(js));
            Matcher m = KEY_LITERAL.matcher(code);
            while (m.find()) {
                String key = m.group(1);
                if (namespaces.contains(key.substring(0, key.indexOf('.')))) {
                    used.add(key);
                    if (!en.containsKey(key)) {
                        problems.add(js.getFileName() + " names '" + key + "', which en.json lacks");
                    }
                }
            }
            if (!js.getFileName().toString().equals("i18n.js")) {
                Matcher d = DYNAMIC_CALL.matcher(code);
                while (d.find()) {
                    if (d.group(1).contains("'")) {
                        continue; // a choice between literal keys (cond ? 'a.b' : 'a.c'): both are seen above
                    }
                    problems.add(js.getFileName() + ": msg()/t() with a key this test cannot see: " + d.group());
                }
            }
        }
        for (Path html : files("", ".html")) {
            Matcher m = I18N_ATTR.matcher(read(html));
            while (m.find()) {
                if (m.group().startsWith("data-i18n-args")) {
                    continue;
                }
                used.add(m.group(1));
                if (!en.containsKey(m.group(1))) {
                    problems.add(html.getFileName() + " names '" + m.group(1) + "', which en.json lacks");
                }
            }
        }
        Set<String> unused = new TreeSet<>(en.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            problems.add("keys nothing uses (remove them from every catalog): " + unused);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theHtmlHasNoWordsOutsideTheCatalogs() throws IOException {
        Map<String, JsonNode> en = catalog("en");
        List<String> problems = new ArrayList<>();
        for (Path html : files("", ".html")) {
            for (HtmlText t : HtmlText.scan(read(html))) {
                String where = html.getFileName() + " <" + t.tag() + ">";
                if (t.attribute() != null) {
                    if (t.keyed() == null) {
                        problems.add(where + " " + t.attribute() + "=\"" + t.text() + "\" has no data-i18n-"
                                + t.attribute());
                    }
                } else if (t.keyed() == null) {
                    if (!ALLOWED_TEXT.contains(t.text())) {
                        problems.add(where + " text \"" + t.text() + "\" has no data-i18n");
                    }
                    continue;
                }
                if (t.keyed() != null && en.containsKey(t.keyed()) && !en.get(t.keyed()).asText().equals(t.text())) {
                    problems.add(where + " says \"" + t.text() + "\" but en.json's " + t.keyed() + " says \""
                            + en.get(t.keyed()).asText() + "\"");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Words that are the same in every language: the product's name and each language's own name. */
    private static final Set<String> ALLOWED_TEXT = Set.of("Kindred", "English", "Español", "Deutsch", "Français");

    @Test
    void theJavaScriptComposesNoEnglishOfItsOwn() throws IOException {
        // A sentence-like literal: starts with a capital, then lower-case words with spaces ("Leave room").
        Pattern english = Pattern.compile("(['\"`])([A-Z][a-z']+(?: [A-Za-z',.!?…]+)+)\\1");
        List<String> problems = new ArrayList<>();
        for (Path js : files("js", ".js")) {
            String code = stripComments(read(js));
            Matcher m = english.matcher(code);
            while (m.find()) {
                problems.add(js.getFileName() + ": " + m.group());
            }
            Matcher word = Pattern.compile("(?:\\btext|'aria-label'|\\bplaceholder|\\btitle)\\s*:\\s*(['\"`])\\p{L}")
                    .matcher(code);
            while (word.find()) {
                problems.add(js.getFileName() + ": " + word.group() + "… (use msg(…))");
            }
            Matcher set = Pattern.compile("\\.textContent\\s*=\\s*(['\"`])[^'\"`]+\\1").matcher(code);
            while (set.find()) {
                problems.add(js.getFileName() + ": " + set.group() + " (use put(node, msg(…)))");
            }
        }
        assertTrue(problems.isEmpty(), "user-visible words belong in the catalogs:\n" + String.join("\n", problems));
    }

    @Test
    void noStylesheetAssumesLeftToRight() throws IOException {
        Pattern physical = Pattern.compile("(?<![\\w-])(?:(?:margin|padding|border)-(?:left|right)(?:-[a-z]+)?"
                + "|left|right|float|clear|text-align)\\s*:\\s*[^;}]*"
                + "|border-(?:top|bottom)-(?:left|right)-radius"
                + "|(?<![\\w-])(?:margin|padding|inset)\\s*:\\s*[^;{}\\s]+\\s+[^;{}\\s]+\\s+[^;{}\\s]+\\s+[^;{}\\s]+\\s*[;}]");
        List<String> problems = new ArrayList<>();
        for (Path css : files("css", ".css")) {
            String text = read(css).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher m = physical.matcher(text);
            while (m.find()) {
                String found = m.group();
                if (found.matches("(?s)(?:text-align)\\s*:\\s*(?:start|end|center|justify)\\s*")
                        || found.matches("(?s)(?:float|clear)\\s*:\\s*(?:none|inline-start|inline-end|both)\\s*")) {
                    continue;
                }
                problems.add(css.getFileName() + ": " + found.strip());
            }
        }
        assertTrue(problems.isEmpty(), "use logical properties (margin-inline-start, inset-inline-end, "
                + "text-align: start …):\n" + String.join("\n", problems));
    }

    @Test
    void theTestSeesTheFilesItChecks() throws IOException {
        // Guards the other tests against passing on an empty folder.
        assertTrue(files("js", ".js").size() >= 20, "the client's modules");
        assertEquals(2, files("", ".html").size(), "index.html and moderator.html");
        assertTrue(catalog("en").size() > 200, "the English catalog");
    }

    static Map<String, JsonNode> catalog(String lang) throws IOException {
        JsonNode root = JSON.readTree(WEB.resolve("i18n").resolve(lang + ".json").toFile());
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static Set<String> placeholders(JsonNode v) {
        Set<String> names = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        if (v.isObject()) {
            v.elements().forEachRemaining(x -> texts.add(x.asText()));
        } else {
            texts.add(v.asText());
        }
        for (String t : texts) {
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static int words(JsonNode v) {
        String t = PLACEHOLDER.matcher(v.isObject() ? v.path("other").asText() : v.asText()).replaceAll(" ");
        int n = 0;
        for (String w : t.split("[^\\p{L}]+")) {
            n += w.length() >= 3 ? 1 : 0;
        }
        return n;
    }

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir.isEmpty() ? WEB : WEB.resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Removes comments (block and line) but keeps string literals, URLs in them included. */
    static String stripComments(String js) {
        StringBuilder out = new StringBuilder(js.length());
        int i = 0;
        while (i < js.length()) {
            char c = js.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < js.length() && js.charAt(j) != c) {
                    j += js.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(js, i, Math.min(j + 1, js.length()));
                i = j + 1;
            } else if (js.startsWith("//", i)) {
                int j = js.indexOf('\n', i);
                i = j < 0 ? js.length() : j;
            } else if (js.startsWith("/*", i)) {
                int j = js.indexOf("*/", i + 2);
                i = j < 0 ? js.length() : j + 2;
            } else if (c == '/' && regexCanStart(out)) {
                int j = i + 1; // a regular expression literal: copied as it is
                boolean inClass = false;
                while (j < js.length() && (js.charAt(j) != '/' || inClass) && js.charAt(j) != '\n') {
                    if (js.charAt(j) == '\\') {
                        j++;
                    } else if (js.charAt(j) == '[') {
                        inClass = true;
                    } else if (js.charAt(j) == ']') {
                        inClass = false;
                    }
                    j++;
                }
                out.append(js, i, Math.min(j + 1, js.length()));
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean regexCanStart(StringBuilder before) {
        for (int k = before.length() - 1; k >= 0; k--) {
            char p = before.charAt(k);
            if (!Character.isWhitespace(p)) {
                return "(,=:[!&|?{};".indexOf(p) >= 0;
            }
        }
        return true;
    }

    private static Path webRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path web = dir.resolve("web-client/src/main/resources/kindred-web");
            if (Files.isDirectory(web)) {
                return web;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("web-client/src/main/resources/kindred-web not found above "
                + Paths.get("").toAbsolutePath());
    }
}
