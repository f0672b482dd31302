package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's own documents (README.md, BENCHMARKS.md, docs/*.md) work in a fresh clone:
 * every link resolves to a file (and heading) inside the repository, nothing links outside it
 * (except the reader's own server at {@code http://localhost}), and no internal working
 * vocabulary leaks into them.
 */
class DocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INLINE = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto):[^>\\s]+)>");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern JARGON = Pattern.compile(
            "(?i)\\bissue\\s+#?\\d+|\\bissue's\\b|\\bsession\\s+\\d+\\b|\\bthis\\s+(?:\\d-core\\s+)?machine\\b"
                    + "|\\b(?:another|blind|the)\\s+helper\\b|\\.\\./shared/|\\bmergetest\\b|/work/");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("BENCHMARKS.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The lines of a Markdown file outside fenced code blocks, with inline code removed. */
    static List<String> prose(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                out.add("");
                continue;
            }
            out.add(fenced ? "" : line.replaceAll("`[^`]*`", "``"));
        }
        return out;
    }

    /** GitHub's anchors for the headings of a Markdown file. */
    static Set<String> anchors(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String slug = m.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            out.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return out;
    }

    /** Every link target of a file as (line number, target). */
    static List<Map.Entry<Integer, String>> links(Path file) throws IOException {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        List<String> lines = prose(file);
        for (int i = 0; i < lines.size(); i++) {
            for (Pattern p : List.of(INLINE, AUTOLINK)) {
                Matcher m = p.matcher(lines.get(i));
                while (m.find()) {
                    out.add(Map.entry(i + 1, m.group(1)));
                }
            }
            Matcher r = REFERENCE.matcher(lines.get(i));
            if (r.matches()) {
                out.add(Map.entry(i + 1, r.group(1)));
            }
        }
        return out;
    }

    /** Why {@code target}, linked from {@code from}, does not resolve inside the repository; null when it does. */
    static String problem(Path from, String target) throws IOException {
        if (target.isEmpty()) {
            return "empty link";
        }
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return target.matches("http://localhost(:\\d+)?(/.*)?") ? null : "links outside the repository";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? from : from.getParent().resolve(
                java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8)).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return "no heading #" + anchor + " in " + ROOT.relativize(resolved);
        }
        return null;
    }

    @Test
    void everyLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            for (Map.Entry<Integer, String> link : links(doc)) {
                checked++;
                String why = problem(doc, link.getValue());
                if (why != null) {
                    broken.add(ROOT.relativize(doc) + ":" + link.getKey() + " " + link.getValue() + " — " + why);
                }
            }
        }
        assertTrue(checked > 20, "the links were found at all: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void noInternalWorkingVocabulary() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = JARGON.matcher(lines.get(i));
                if (m.find()) {
                    found.add(ROOT.relativize(doc) + ":" + (i + 1) + " '" + m.group() + "'");
                }
            }
        }
        assertEquals(List.of(), found, "write for a reader of the repository, not for its authors");
    }

    @Test
    void theCheckerCatchesWhatItShould(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path readme = ROOT.resolve("README.md");
        assertEquals("links outside the repository", problem(readme, "https://example.org/"));
        assertEquals("leaves the repository", problem(readme, "../shared/PROTOCOL.md"));
        assertEquals("no such file", problem(readme, "docs/nothing-here.md"));
        assertTrue(problem(readme, "docs/protocol.md#no-such-heading").startsWith("no heading"));
        assertEquals(null, problem(readme, "docs/risk-levels.md#imminent-the-person-may-act-soon-or-has-started"));
        assertEquals(null, problem(readme, "#operations"));
        assertEquals(null, problem(readme, "http://localhost:8080/"));
        Path md = tmp.resolve("x.md");
        Files.writeString(md, "See [a](b.md), ![i](c.png \"t\"), <https://x.example>, `[not](code.md)`\n"
                + "```\n[also not](fenced.md)\n```\n[ref]: d.md\n## Café & `Code`!\n## Café & Code\n");
        assertEquals(List.of("b.md", "c.png", "https://x.example", "d.md"),
                links(md).stream().map(Map.Entry::getValue).toList());
        assertEquals(Set.of("café--code", "café--code-1"), anchors(md));
        assertTrue(JARGON.matcher("as issue 3 said").find() && JARGON.matcher("on this 2-core machine").find()
                && JARGON.matcher("the crisis issue's rules").find() && !JARGON.matcher("tissue 3").find());
    }
}
