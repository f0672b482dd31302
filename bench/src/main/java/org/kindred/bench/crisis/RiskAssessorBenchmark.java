package org.kindred.bench.crisis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kindred.server.crisis.RiskAssessment;
import org.kindred.server.crisis.RiskAssessor;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12's cost check: microseconds per risk assessment of a typical chat message, the assessor
 * the server runs ({@code rulesAndModel}: rules plus the statistical second opinion) against, in
 * the same run, the assessor before the model ({@code rulesOnly}, the frozen baseline:
 * {@link RiskAssessor#withBundledRulesOnly}) and the shared normaliser alone
 * ({@code normalizeOnly}, the floor every assessment pays). Messages: ordinary support-group talk
 * and risk messages in en/es/de/fr, 15–200 characters, cycled.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar RiskAssessorBenchmark -f 2 -wi 3 -i 5}.
 * The target: {@code rulesAndModel} under 20 µs.
 *
 * <p>On a shared, overloaded machine wall-clock figures mostly measure the other processes; the
 * {@link #main} companion measures the same three operations by this thread's CPU time, in
 * interleaved rounds so that all three see the same conditions:
 * {@code java -cp bench/target/benchmarks.jar org.kindred.bench.crisis.RiskAssessorBenchmark [rounds]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskAssessorBenchmark {
    static final List<String> MESSAGES = List.of(
            "Good morning everyone, hope you all slept better than I did.",
            "Does anyone else find Sundays the hardest? Everything feels so quiet and heavy.",
            "I had a panic attack on the bus today but the breathing exercise helped.",
            "thank you all so much, this group means a lot",
            "this traffic is killing me, gonna be late again",
            "a year ago I wanted to die, today I'm grateful I'm here",
            "left my dog with my neighbour and wrote everyone a letter",
            "been hoarding my meds for a month, almost enough now",
            "cut again tonight, worse than before",
            "i dont see the point anymore, everyone would be better off without me",
            "hoy fue un buen día, salí a caminar con mi hermana",
            "es mi último mensaje aquí, adiós",
            "hab mich wieder geritzt",
            "ich hab heute endlich mit meiner Therapeutin gesprochen, war gut",
            "jvais me foutre en l'air ce soir",
            "merci pour vos messages hier, ça m'a fait du bien");

    private RiskAssessor current;
    private RiskAssessor baseline;
    private Normalizer normalizer;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        normalizer = new Normalizer();
        current = RiskAssessor.withBundledRules(normalizer);
        baseline = RiskAssessor.withBundledRulesOnly(normalizer);
    }

    /** The assessor the server runs: rules plus the statistical second opinion. */
    @Benchmark
    public RiskAssessment rulesAndModel() {
        return current.assess(MESSAGES.get(step++ & 15), "en-GB");
    }

    /** Baseline: the same rules without the model (the assessor before issue 12's model). */
    @Benchmark
    public RiskAssessment rulesOnly() {
        return baseline.assess(MESSAGES.get(step++ & 15), "en-GB");
    }

    /** Floor: the shared normaliser alone. */
    @Benchmark
    public NormalizedText normalizeOnly() {
        return normalizer.normalize(MESSAGES.get(step++ & 15));
    }

    /**
     * CPU-time companion (not JMH: no forks; a checksum keeps the work observable): {@code rounds}
     * rounds (default 10) of one CPU-second per operation after a warm-up round; prints the median
     * microseconds of thread CPU time per operation and the ratios.
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        RiskAssessorBenchmark b = new RiskAssessorBenchmark();
        b.setUp();
        String[] names = {"rulesAndModel", "rulesOnly", "normalizeOnly"};
        double[][] us = new double[names.length][rounds];
        long check = 0;
        for (int round = -1; round < rounds; round++) {
            for (int k = 0; k < names.length; k++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long ops = 0;
                while (mx.getCurrentThreadCpuTime() - cpu0 < 1_000_000_000L) {
                    for (int i = 0; i < 1_000; i++) {
                        check += switch (k) {
                            case 0 -> b.rulesAndModel().categories().size();
                            case 1 -> b.rulesOnly().categories().size();
                            default -> b.normalizeOnly().length();
                        };
                    }
                    ops += 1_000;
                }
                if (round >= 0) {
                    us[k][round] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / ops;
                }
            }
        }
        double[] median = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            java.util.Arrays.sort(us[k]);
            median[k] = us[k][rounds / 2];
            System.out.printf("%-14s %8.2f us/op CPU time (median of %d rounds, range %.2f-%.2f)%n", names[k], median[k],
                    rounds, us[k][0], us[k][rounds - 1]);
        }
        System.out.printf("rulesAndModel / rulesOnly = %.2f; rulesOnly / normalizeOnly = %.2f (checksum %d)%n",
                median[0] / median[1], median[1] / median[2], check % 7);
    }
}
