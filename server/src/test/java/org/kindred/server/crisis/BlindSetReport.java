package org.kindred.server.crisis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Evaluation harness for a labelled set of messages (a blind set, a dev set or a tuning set): runs
 * every line through the bundled rules and returns the figures docs/crisis.md records, as a
 * Markdown table. It asserts nothing; thresholds belong to the tests that call it.
 *
 * <p>Input: a UTF-8 TSV file, one message a line: {@code level TAB lang TAB text}, level one of
 * {@code none|concern|high|imminent}; blank lines and lines starting with {@code #} are skipped.
 * A malformed line stops the run with an {@link IllegalArgumentException} naming its line number.
 *
 * <p>Figures (each overall and per language, as counts and percentages):
 * <ul>
 *   <li>recall: risk lines assessed at {@code concern} or above;</li>
 *   <li>per level: {@code concern} lines found at all, {@code high} lines assessed {@code high} or
 *       above, {@code imminent} lines assessed {@code imminent}, and imminent lines that open an
 *       escalation (assessed {@code high} or above);</li>
 *   <li>level right: risk lines assessed exactly at their label;</li>
 *   <li>false alarms: benign lines that get any card (any level), and false escalations: benign
 *       lines assessed {@code high} or above.</li>
 * </ul>
 * Run: {@code java -cp … org.kindred.server.crisis.BlindSetReport FILE [--misses]} (see docs/crisis.md);
 * {@code --misses} also lists the misses and false alarms (for tuning sets only: it prints message text);
 * {@code --rules-only} assesses with the bundled rules alone, without the statistical second opinion.
 */
public final class BlindSetReport {
    private BlindSetReport() {
    }

    /** One labelled line; {@code expected} is {@code null} for benign lines. */
    record Line(int lineNumber, RiskLevel expected, String language, String text) {
    }

    /** Counters for one language (or all). */
    static final class Tally {
        int risk;
        int found;
        int concern;
        int concernFound;
        int high;
        int highFound;
        int imminent;
        int imminentExact;
        int imminentEscalated;
        int exact;
        int benign;
        int falseAlarms;
        int falseEscalations;

        void add(RiskLevel expected, RiskAssessment a) {
            RiskLevel got = a.level();
            if (expected == null) {
                benign++;
                falseAlarms += a.atRisk() ? 1 : 0;
                falseEscalations += a.escalates() ? 1 : 0;
                return;
            }
            risk++;
            found += got != null ? 1 : 0;
            exact += got == expected ? 1 : 0;
            switch (expected) {
                case CONCERN -> {
                    concern++;
                    concernFound += got != null ? 1 : 0;
                }
                case HIGH -> {
                    high++;
                    highFound += got != null && got.compareTo(RiskLevel.HIGH) >= 0 ? 1 : 0;
                }
                case IMMINENT -> {
                    imminent++;
                    imminentExact += got == RiskLevel.IMMINENT ? 1 : 0;
                    imminentEscalated += a.escalates() ? 1 : 0;
                }
            }
        }
    }

    /** The figures of one run: per language (sorted) and overall. */
    record Result(Map<String, Tally> byLanguage, Tally overall, List<String> misses) {
        double recall() {
            return ratio(overall.found, overall.risk);
        }

        double imminentFound() {
            return ratio(overall.imminentExact, overall.imminent);
        }

        double falseEscalationRate() {
            return ratio(overall.falseEscalations, overall.benign);
        }

        double falseAlarmRate() {
            return ratio(overall.falseAlarms, overall.benign);
        }
    }

    /**
     * Reads a labelled TSV file.
     *
     * @throws IllegalArgumentException on a line without three tab-separated columns or with an unknown level
     */
    static List<Line> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<Line> parse(List<String> lines, String where) {
        List<Line> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length != 3) {
                throw new IllegalArgumentException(where + ":" + (n + 1) + ": " + f.length
                        + " column(s) (expected: level TAB lang TAB text)");
            }
            String level = f[0].trim().toLowerCase(Locale.ROOT);
            RiskLevel expected = switch (level) {
                case "none" -> null;
                case "concern" -> RiskLevel.CONCERN;
                case "high" -> RiskLevel.HIGH;
                case "imminent" -> RiskLevel.IMMINENT;
                default -> throw new IllegalArgumentException(where + ":" + (n + 1) + ": level '" + f[0]
                        + "' (expected: none, concern, high or imminent)");
            };
            out.add(new Line(n + 1, expected, f[1].trim(), f[2]));
        }
        return out;
    }

    /** Assesses every line with the given assessor (the line's language as the session locale). */
    static Result evaluate(RiskAssessor assessor, List<Line> lines) {
        return evaluate(assessor::assess, lines);
    }

    /** Assesses every line with the given function of (text, locale). */
    static Result evaluate(java.util.function.BiFunction<String, String, RiskAssessment> assessor, List<Line> lines) {
        Map<String, Tally> byLanguage = new TreeMap<>();
        Tally overall = new Tally();
        List<String> misses = new ArrayList<>();
        for (Line l : lines) {
            RiskAssessment a = assessor.apply(l.text(), l.language());
            overall.add(l.expected(), a);
            byLanguage.computeIfAbsent(l.language(), k -> new Tally()).add(l.expected(), a);
            boolean wrong = l.expected() == null ? a.atRisk()
                    : a.level() == null || a.level().compareTo(l.expected()) < 0;
            if (wrong) {
                misses.add((l.expected() == null ? "FALSE ALARM " : "MISS ") + "line " + l.lineNumber() + " "
                        + (l.expected() == null ? "none" : l.expected().name().toLowerCase(Locale.ROOT)) + " got "
                        + (a.level() == null ? "none" : a.level().name().toLowerCase(Locale.ROOT) + " " + a.categories())
                        + " <- " + l.text());
            }
        }
        return new Result(byLanguage, overall, misses);
    }

    /**
     * Assesses the file with the bundled rules and returns the Markdown table.
     *
     * @param file a TSV file as described in the class comment
     * @return the report: one table, a row per language plus "all"
     * @throws IOException if the file cannot be read
     */
    public static String report(Path file) throws IOException {
        return markdown(evaluate(TrainingYear.bundled(new Normalizer()), read(file)));
    }

    static String markdown(Result r) {
        StringBuilder b = new StringBuilder();
        b.append("| lang | risk | recall (≥ concern) | concern found | high ≥ high | imminent = imminent "
                + "| imminent escalated | level right | benign | false alarms (any card) | false escalations (≥ high) |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        r.byLanguage().forEach((lang, t) -> row(b, lang, t));
        row(b, "**all**", r.overall());
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Tally t) {
        b.append("| ").append(name).append(" | ").append(t.risk)
                .append(" | ").append(cell(t.found, t.risk))
                .append(" | ").append(cell(t.concernFound, t.concern))
                .append(" | ").append(cell(t.highFound, t.high))
                .append(" | ").append(cell(t.imminentExact, t.imminent))
                .append(" | ").append(cell(t.imminentEscalated, t.imminent))
                .append(" | ").append(cell(t.exact, t.risk))
                .append(" | ").append(t.benign)
                .append(" | ").append(cell(t.falseAlarms, t.benign))
                .append(" | ").append(cell(t.falseEscalations, t.benign))
                .append(" |\n");
    }

    private static String cell(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%d/%d = %.1f %%", part, whole, 100.0 * part / whole);
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : part / (double) whole;
    }

    /**
     * Prints the report of the file named by the first argument; then, in any order, {@code --misses}
     * also prints every miss and false alarm with its text, {@code --rules-only} assesses with the
     * bundled rules alone (no model). Exit status 2 on a usage or input error.
     */
    public static void main(String[] args) throws IOException {
        List<String> flags = args.length < 1 ? List.of() : List.of(args).subList(1, args.length);
        if (args.length < 1 || args.length > 3 || flags.stream().distinct().count() != flags.size()
                || !List.of("--misses", "--rules-only").containsAll(flags)) {
            System.err.println("usage: BlindSetReport FILE.tsv [--misses] [--rules-only]");
            System.exit(2);
            return;
        }
        List<Line> lines;
        try {
            lines = read(Path.of(args[0]));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Normalizer normalizer = new Normalizer();
        Result r = evaluate(flags.contains("--rules-only") ? RiskAssessor.of(RiskRulesLoader.loadBundled(normalizer), null)
                : TrainingYear.bundled(normalizer), lines);
        System.out.print(markdown(r));
        if (flags.contains("--misses")) {
            r.misses().forEach(System.out::println);
        }
    }
}
