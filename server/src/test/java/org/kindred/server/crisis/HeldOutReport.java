package org.kindred.server.crisis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Leave-one-set-out evaluation of the statistical second opinion (issue 12): for each labelled set
 * of {@code server/src/test/resources/crisis/}, trains {@link RiskModel} on all the other sets
 * with {@link RiskModelTrainer} and reports, on the set left out, three assessors: the rules alone,
 * the model alone, and rules plus model (what the server runs). Prints Markdown; asserts nothing.
 *
 * <p>Read the rules' figures with care: the rules were tuned on every set except
 * {@code blind-2.tsv} and {@code blind-4.tsv}, so only on those two are they held out ({@code blind-3.tsv}
 * was measured once before the rules were tuned on it, and so were {@code blind-5.tsv} to {@code blind-10.tsv}). The model's weights and
 * thresholds are held out on every set (it never sees the set it is measured on, not even to choose its thresholds); since round 13
 * its features include the concepts of the rules' lexicon, which was tuned on the same sets as the rules.
 *
 * <p>Run: {@code java [-Dsummary] [-Ddump=FILE] [-DbundledThresholds] [-Dvariants=CARD:IMMINENT:FLOOR,…] -cp … org.kindred.server.crisis.HeldOutReport [DIR] [SET…]}
 * ({@code -Dvariants}: per set, the same held-out weights with thresholds chosen inside the training for other budgets, the
 * card's and imminent's shares of benign lines and the imminent threshold's floor, e.g. {@code 0.03:0.01:0.1}; {@code -Dsummary}:
 * one line per set, recall / imminent = imminent / false alarms / false escalations, rules alone and with the model, and the
 * held-out model's AUC; {@code -DbundledThresholds}: one fit per set left out and the shipped model's thresholds, so
 * only the weights are held out, not the thresholds (not with {@code -Dvariants}, which needs the nested thresholds' scores); {@code -Ddump=FILE}: appends one line per labelled line, no text, see {@link #dump}) (DIR defaults to
 * {@code server/src/test/resources/crisis}; SETs default to all of {@link #SETS}; after several sets, totals over them and over the
 * fifteenth round's sets among them).
 */
final class HeldOutReport {
    static final List<String> SETS = List.of("corpus.tsv", "tuning-issue12.tsv", "dev-issue12.tsv", "blind-1.tsv",
            "blind-2.tsv", "blind-3.tsv", "blind-4.tsv", "blind-5.tsv", "blind-6.tsv",
            "blind-7.tsv", "blind-8.tsv", "blind-9.tsv", "blind-10.tsv", "blind-11.tsv",
            "train-15-en.tsv", "train-15-es.tsv", "train-15-de.tsv", "train-15-fr.tsv",
            "blind-12.tsv", "train-16-en.tsv", "train-16-es.tsv", "train-16-de.tsv", "train-16-fr.tsv",
            "blind-13.tsv", "blind-14.tsv", "train-17-en.tsv", "train-17-es.tsv", "train-17-de.tsv", "train-17-fr.tsv",
            "blind-15.tsv", "train-18-en.tsv", "train-18-es.tsv", "train-18-de.tsv", "train-18-fr.tsv",
            "blind-16.tsv", "train-19-en.tsv", "train-19-es.tsv", "train-19-de.tsv", "train-19-fr.tsv",
            "train-20-en.tsv", "train-20-es.tsv", "train-20-de.tsv", "train-20-fr.tsv", "blind-17.tsv",
            "blind-18.tsv", "train-21-en.tsv", "train-21-es.tsv", "train-21-de.tsv", "train-21-fr.tsv",
            "train-22-en.tsv", "train-22-es.tsv", "train-22-de.tsv", "train-22-fr.tsv", "blind-19.tsv",
            "train-23-en.tsv", "train-23-es.tsv", "train-23-de.tsv", "train-23-fr.tsv", "blind-20.tsv",
            "blind-21.tsv", "train-24-en.tsv", "train-24-es.tsv", "train-24-de.tsv", "train-24-fr.tsv", "blind-22.tsv",
            "blind-23.tsv", "train-25-en.tsv", "train-25-es.tsv", "train-25-de.tsv", "train-25-fr.tsv", "train-26-en.tsv",
            "train-26-es.tsv", "train-26-de.tsv", "train-26-fr.tsv");
    /** How many of {@link #SETS}, from the first, the fifteenth round had (its figures are over these). */
    static final int OLD_SETS = 18;

    private HeldOutReport() {
    }

    /** recall / imminent = imminent / false alarms / false escalations, in per cent. */
    static String summary(BlindSetReport.Result r) {
        return String.format(Locale.ROOT, "%5.1f / %5.1f / %4.1f / %4.1f", 100 * r.recall(), 100 * r.imminentFound(),
                100 * r.falseAlarmRate(), 100 * r.falseEscalationRate());
    }

    /**
     * Appends one line per labelled line of {@code set} (no text): set, line number, language, label,
     * the rules' level and categories, the held-out model's three probabilities and thresholds, the
     * level and categories of rules plus model, and the first letters of the levels of rules plus model
     * under each opinion of {@link #FORCED}; for studying how the two opinions combine.
     */
    static void dump(Path file, String set, List<BlindSetReport.Line> test, RiskRules rules,
            RiskModel model, Normalizer normalizer) throws IOException {
        StringBuilder b = new StringBuilder();
        RiskAssessor rulesOnly = RiskAssessor.of(rules, null);
        RiskAssessor both = RiskAssessor.of(rules, model);
        double[] p = new double[RiskModel.OUTPUTS];
        RiskAssessor[] forced = new RiskAssessor[FORCED.length];
        for (int f = 0; f < FORCED.length; f++) {
            forced[f] = RiskAssessor.of(rules, model.withPolicy(FORCED[f][0], FORCED[f][1][0], FORCED[f][1][1]));
        }
        for (BlindSetReport.Line l : test) {
            RiskAssessment r = rulesOnly.assess(l.text(), l.language());
            RiskModelTrainer.probabilities(model, l.text(), normalizer, p);
            RiskAssessment a = both.assess(l.text(), l.language());
            StringBuilder levels = new StringBuilder(FORCED.length);
            for (RiskAssessor f : forced) {
                levels.append(name(f.assess(l.text(), l.language()).level()).charAt(0));
            }
            b.append(String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%s\t%s\t%.5f\t%.5f\t%.5f\t%.4f\t%.4f\t%.4f\t%s\t%s\t%s%n", set,
                    l.lineNumber(), l.language(), name(l.expected()), name(r.level()), r.categories(), p[0], p[1], p[2],
                    model.thresholds[0], model.thresholds[1], model.thresholds[2], name(a.level()), a.categories(), levels));
        }
        java.nio.file.Files.writeString(file, b, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static final float[] NONE_T = {2, 2, 2};
    private static final float[] CONCERN_T = {0, 2, 2};
    private static final float[] HIGH_T = {0, 0, 2};
    private static final float[] IMMINENT_T = {0, 0, 0};
    /**
     * The opinions the dump forces, in its last column's order: the model's level none, concern, high,
     * imminent not sure ({@code P(imminent)} under {@link RiskModel#SURE_IMMINENT}) and imminent sure, each
     * with the model not sure and sure there is no risk ({@link RiskModel#SURE_NONE}); as {thresholds,
     * {sureImminent, sureNone}}. With the line's probabilities, any other threshold or
     * {@code SURE_IMMINENT} / {@code SURE_NONE} can be replayed from the dump without retraining.
     */
    private static final float[][][] FORCED = {
        {NONE_T, {2, -1}}, {NONE_T, {2, 2}},
        {CONCERN_T, {2, -1}}, {CONCERN_T, {2, 2}},
        {HIGH_T, {2, -1}}, {HIGH_T, {2, 2}},
        {IMMINENT_T, {2, -1}}, {IMMINENT_T, {2, 2}},
        {IMMINENT_T, {0, -1}}, {IMMINENT_T, {0, 2}},
    };

    /**
     * The model's ranking on {@code test}: the chance that a random line labelled at or above the
     * output's level ({@code k} 0: concern, 2: imminent) scores above a random benign line.
     */
    static double auc(RiskModel model, List<BlindSetReport.Line> test, Normalizer normalizer, int k) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        double[] p = new double[RiskModel.OUTPUTS];
        RiskLevel at = k == 0 ? RiskLevel.CONCERN : k == 1 ? RiskLevel.HIGH : RiskLevel.IMMINENT;
        for (BlindSetReport.Line l : test) {
            RiskModelTrainer.probabilities(model, l.text(), normalizer, p);
            if (l.expected() == null) {
                neg.add(p[k]);
            } else if (l.expected().compareTo(at) >= 0) {
                pos.add(p[k]);
            }
        }
        double wins = 0;
        for (double a : pos) {
            for (double b : neg) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return pos.isEmpty() || neg.isEmpty() ? Double.NaN : wins / pos.size() / neg.size();
    }

    private static String name(RiskLevel l) {
        return l == null ? "none" : l.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The held-out scores of every pair of sets: {@code [a][b]} holds, for each line of set {@code a}, the
     * three probabilities of a model trained on every set of {@link #SETS} but {@code a} and {@code b}
     * (in their order). Leaving out set {@code o} and choosing thresholds by cross-validation over the
     * others scores set {@code f} by exactly that model for the pair {@code (f, o)}, and the same fit serves
     * {@code (o, f)}: each pair is fitted once instead of twice (the same bytes as
     * {@link RiskModelTrainer#train(List, Normalizer, String)}, which the shipped weights' test runs).
     */
    private static double[][][][] pairScores(List<List<RiskModelTrainer.Example>> ex, List<Integer> heldOut) {
        int n = ex.size();
        double[][][][] pair = new double[n][n][][];
        List<int[]> todo = new ArrayList<>();
        for (int o : heldOut) {
            for (int f = 0; f < n; f++) {
                if (f != o && pair[f][o] == null) {
                    pair[f][o] = new double[0][];
                    pair[o][f] = new double[0][];
                    todo.add(new int[] {Math.min(f, o), Math.max(f, o)});
                }
            }
        }
        todo.parallelStream().forEach(ab -> {
            List<RiskModelTrainer.Example> train = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                if (s != ab[0] && s != ab[1]) {
                    train.addAll(ex.get(s));
                }
            }
            float[] bias = new float[RiskModel.OUTPUTS];
            float[] w = RiskModelTrainer.fit(train, bias);
            for (int k = 0; k < 2; k++) {
                int a = ab[k];
                double[][] scores = new double[ex.get(a).size()][];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = RiskModelTrainer.score(ex.get(a).get(i), w, bias);
                }
                pair[a][ab[1 - k]] = scores;
            }
        });
        return pair;
    }

    /** Counts over many sets left out: the figures of the tables' "over the sets" rows. */
    private static final class Totals {
        final BlindSetReport.Tally rules = new BlindSetReport.Tally();
        final BlindSetReport.Tally both = new BlindSetReport.Tally();
        /** Benign lines paged by rules + model and not by the rules alone (pages of the model). */
        int modelPages;
        /** Lines labelled concern paged (≥ high), rules alone and rules + model. */
        int concernPagedRules;
        int concernPagedBoth;
        /**
         * Lines the rules alone page and rules + model do not (round 16: the rules' {@code high} the model is
         * sure is no risk), by label: benign, concern, high, imminent.
         */
        final int[] unpaged = new int[4];

        void add(List<BlindSetReport.Line> test, RiskAssessor rulesOnly, RiskAssessor withModel) {
            for (BlindSetReport.Line l : test) {
                RiskAssessment r = rulesOnly.assess(l.text(), l.language());
                RiskAssessment b = withModel.assess(l.text(), l.language());
                rules.add(l.expected(), r);
                both.add(l.expected(), b);
                modelPages += l.expected() == null && b.escalates() && !r.escalates() ? 1 : 0;
                concernPagedRules += l.expected() == RiskLevel.CONCERN && r.escalates() ? 1 : 0;
                concernPagedBoth += l.expected() == RiskLevel.CONCERN && b.escalates() ? 1 : 0;
                if (r.escalates() && !b.escalates()) {
                    unpaged[l.expected() == null ? 0 : l.expected().ordinal() - RiskLevel.CONCERN.ordinal() + 1]++;
                }
            }
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "%s: %d risk, %d imminent, %d concern, %d benign%n", name, both.risk,
                    both.imminent, both.concern, both.benign);
            line("rules alone", rules, concernPagedRules, 0);
            line("rules + model", both, concernPagedBoth, modelPages);
            System.out.printf(Locale.ROOT, "  paged by the rules alone, not with the model: %d benign, %d concern, %d high, %d imminent%n",
                    unpaged[0], unpaged[1], unpaged[2], unpaged[3]);
        }

        private static void line(String name, BlindSetReport.Tally t, int concernPaged, int modelPages) {
            System.out.printf(Locale.ROOT, "  %-14s recall %d = %.1f %% | imminent = imminent %d = %.1f %% | false alarms %d = %.1f %%"
                    + " | false escalations %d = %.1f %% (model alone %d) | concern paged %d | level right %d = %.1f %%%n", name,
                    t.found, pct(t.found, t.risk), t.imminentExact, pct(t.imminentExact, t.imminent), t.falseAlarms,
                    pct(t.falseAlarms, t.benign), t.falseEscalations, pct(t.falseEscalations, t.benign), modelPages,
                    concernPaged, t.exact, pct(t.exact, t.risk));
        }

        private static double pct(int part, int whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "server/src/test/resources/crisis");
        List<String> heldOut = args.length > 1 ? List.of(args).subList(1, args.length) : SETS;
        Normalizer normalizer = new Normalizer();
        RiskRules rules = RiskRulesLoader.loadBundled(normalizer);
        RiskAssessor rulesOnly = RiskAssessor.of(rules, null);
        List<List<BlindSetReport.Line>> lines = new ArrayList<>();
        List<List<RiskModelTrainer.Example>> ex = new ArrayList<>();
        for (String s : SETS) {
            lines.add(BlindSetReport.read(dir.resolve(s)));
            ex.add(RiskModelTrainer.examples(lines.get(lines.size() - 1), normalizer));
        }
        List<Integer> outs = new ArrayList<>();
        for (String out : heldOut) {
            if (!SETS.contains(out)) {
                throw new IllegalArgumentException(out + " (expected: one of " + SETS + ")");
            }
            outs.add(SETS.indexOf(out));
        }
        // -DbundledThresholds: one fit per set left out, with the shipped model's thresholds (chosen on all sets'
        // cross-validated scores, so only the weights are held out); about forty times fewer fits
        RiskModel bundled = System.getProperty("bundledThresholds") != null ? RiskModel.loadBundled() : null;
        double[][][][] pair = bundled != null ? null : pairScores(ex, outs);
        java.util.Map<Integer, RiskModel> fast = new java.util.concurrent.ConcurrentHashMap<>();
        if (bundled != null) {
            outs.parallelStream().forEach(o -> {
                List<RiskModelTrainer.Example> train = new ArrayList<>();
                for (int s = 0; s < SETS.size(); s++) {
                    if (s != o) {
                        train.addAll(ex.get(s));
                    }
                }
                float[] bias = new float[RiskModel.OUTPUTS];
                float[] w = RiskModelTrainer.fit(train, bias);
                fast.put(o, new RiskModel(RiskModelFile.quantize(w), bias, bundled.thresholds.clone(), "all but " + SETS.get(o)));
            });
        }
        Totals all = new Totals();
        Totals old = new Totals();
        java.util.Map<String, Totals> variantTotals = new java.util.TreeMap<>();
        for (int o : outs) {
            String out = SETS.get(o);
            List<List<RiskModelTrainer.Example>> train = new ArrayList<>();
            List<double[]> held = new ArrayList<>();
            int trainLines = 0;
            for (int s = 0; s < SETS.size(); s++) {
                if (s != o) {
                    train.add(ex.get(s));
                    if (pair != null) {
                        held.addAll(List.of(pair[s][o]));
                    }
                    trainLines += lines.get(s).size();
                }
            }
            List<BlindSetReport.Line> test = lines.get(o);
            RiskModel model = pair == null ? fast.get(o)
                    : RiskModelTrainer.train(train, held.toArray(new double[0][]), "all but " + out);
            if (System.getProperty("dump") != null) {
                dump(Path.of(System.getProperty("dump")), out, test, rules, model, normalizer);
                if (System.getProperty("summary") == null) {
                    continue;
                }
            }
            if (System.getProperty("variants") != null) {
                // the same weights, thresholds for other budgets: CARD:IMMINENT:FLOOR[:HIGH[:CONCERN]],...
                String[] vs = System.getProperty("variants").split(",");
                for (int v = 0; v < vs.length; v++) {
                    String[] x = vs[v].split(":");
                    float[] t = RiskModelTrainer.thresholds(RiskModelTrainer.lastBenign, RiskModelTrainer.lastConcern,
                            RiskModelTrainer.lastHeld, Double.parseDouble(x[0]),
                            x.length > 3 ? Double.parseDouble(x[3]) : RiskModelTrainer.ESCALATION_BUDGET,
                            Double.parseDouble(x[1]), Double.parseDouble(x[2]),
                            x.length > 4 ? Double.parseDouble(x[4]) : RiskModelTrainer.CONCERN_PAGE_BUDGET);
                    RiskModel m = new RiskModel(model.weights, model.bias, t, model.provenance);
                    BlindSetReport.Result b = BlindSetReport.evaluate(RiskAssessor.of(rules, m), test);
                    variantTotals.computeIfAbsent(vs[v] + " all", k -> new Totals()).add(test, rulesOnly, RiskAssessor.of(rules, m));
                    if (o < OLD_SETS) {
                        variantTotals.computeIfAbsent(vs[v] + " old", k -> new Totals()).add(test, rulesOnly, RiskAssessor.of(rules, m));
                    }
                    System.out.printf(Locale.ROOT, "%-20s %-16s t %.3f %.3f %.3f | rules+model %s%n", out, vs[v], t[0], t[1],
                            t[2], summary(b));
                }
            }
            RiskAssessor withModel = RiskAssessor.of(rules, model);
            all.add(test, rulesOnly, withModel);
            if (o < OLD_SETS) {
                old.add(test, rulesOnly, withModel);
            }
            if (System.getProperty("summary") != null) {
                BlindSetReport.Result r = BlindSetReport.evaluate(rulesOnly, test);
                BlindSetReport.Result b = BlindSetReport.evaluate(RiskAssessor.of(rules, model), test);
                System.out.printf(Locale.ROOT, "%-20s rules %s | rules+model %s | AUC risk %.3f imminent %.3f%n", out,
                        summary(r), summary(b), auc(model, test, normalizer, 0), auc(model, test, normalizer, 2));
                continue;
            }
            System.out.printf("%n### %s held out (model trained on %d lines; thresholds %.3f %.3f %.3f)%n", out,
                    trainLines, model.thresholds[0], model.thresholds[1], model.thresholds[2]);
            System.out.println("\nRules only:\n");
            System.out.print(BlindSetReport.markdown(BlindSetReport.evaluate(rulesOnly, test)));
            System.out.println("\nModel only:\n");
            System.out.print(BlindSetReport.markdown(BlindSetReport.evaluate((text, locale) -> {
                double[] p = new double[RiskModel.OUTPUTS];
                RiskModelTrainer.probabilities(model, text, normalizer, p);
                RiskLevel level = model.level(p);
                return level == null ? RiskAssessment.NONE
                        : new RiskAssessment(level, Set.of(RiskCategory.MODEL), List.of());
            }, test)));
            System.out.println("\nRules + model:\n");
            BlindSetReport.Result both = BlindSetReport.evaluate(RiskAssessor.of(rules, model), test);
            System.out.print(BlindSetReport.markdown(both));
            if (System.getProperty("misses") != null) {
                both.misses().forEach(System.out::println);
            }
        }
        if (outs.size() > 1) {
            System.out.println();
            all.print("over the " + outs.size() + " sets left out");
            if (outs.stream().anyMatch(o -> o < OLD_SETS) && outs.stream().anyMatch(o -> o >= OLD_SETS)) {
                old.print("over the fifteenth round's sets among them");
            }
            variantTotals.forEach((name, t) -> t.print("variant " + name));
        }
    }
}
