package org.kindred.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion to {@link AdversarialTextBenchmark} for shared, overloaded machines: the same
 * 2,000-character shapes through the same pipeline and risk assessor, timed by the thread's CPU
 * time instead of the wall clock, so other processes waiting for the CPU do not count. Prints CPU
 * nanoseconds per message and the ratio to {@code ordinary}. A cross-check, not a replacement for
 * JMH (no fork per shape, no dead-code protection beyond a checksum).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.kindred.bench.AdversarialCpuTime [seconds]}
 * (CPU seconds per shape and operation after as much again of warm-up; default 2).
 */
public final class AdversarialCpuTime {
    private static final String[] SHAPES = {"ordinary", "digits", "openers", "zalgo", "spaced", "lettersAt", "emoji",
        "mixedScript", "random", "repeatedTerm", "dottedPlatforms", "dots", "bangs", "riskRepeated"};

    private AdversarialCpuTime() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AdversarialTextBenchmark[] states = new AdversarialTextBenchmark[SHAPES.length];
        for (int k = 0; k < SHAPES.length; k++) {
            states[k] = new AdversarialTextBenchmark();
            states[k].shape = SHAPES[k];
            states[k].setUp();
        }
        for (int k = 0; k < SHAPES.length; k++) { // warm every shape first, so later shapes meet compiled code
            run(states[k], true, seconds, mx);
            run(states[k], false, seconds, mx);
        }
        double baseModerate = 0;
        double baseRisk = 0;
        System.out.printf("%-16s %14s %7s %14s %7s%n", "shape", "moderate ns", "ratio", "assessRisk ns", "ratio");
        for (int k = 0; k < SHAPES.length; k++) {
            double moderate = run(states[k], true, seconds, mx);
            double risk = run(states[k], false, seconds, mx);
            if (k == 0) {
                baseModerate = moderate;
                baseRisk = risk;
            }
            System.out.printf("%-16s %,14.0f %7.2f %,14.0f %7.2f%n", SHAPES[k], moderate, moderate / baseModerate, risk,
                    risk / baseRisk);
        }
    }

    /** CPU nanoseconds per message. */
    private static double run(AdversarialTextBenchmark b, boolean moderate, double seconds, ThreadMXBean mx) {
        long budget = (long) (seconds * 1e9);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long ops = 0;
        long check = 0;
        while (mx.getCurrentThreadCpuTime() - cpu0 < budget) {
            for (int i = 0; i < 100; i++) {
                check += moderate ? b.moderate().outcome().ordinal() : b.assessRisk().evidence().size();
            }
            ops += 100;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        if (check == 42) {
            System.out.println(); // keeps the work observable
        }
        return (double) cpu / ops;
    }
}
