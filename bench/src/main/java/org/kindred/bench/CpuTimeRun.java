package org.kindred.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion to {@link PipelineBenchmark} for shared, overloaded machines: measures the same
 * operations by the thread's CPU time rather than wall-clock time, so the result is messages per
 * second per core even when other processes compete for the CPU. Not a replacement for JMH (no
 * forking, no dead-code protection beyond a checksum), a cross-check.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.kindred.bench.CpuTimeRun [seconds]}.
 */
public final class CpuTimeRun {
    private CpuTimeRun() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PipelineBenchmark b = new PipelineBenchmark();
        b.setUp();
        String[] names = {"pipeline", "riskAssessment", "pipelineAndRisk", "normalizeOnly", "lexiconScanOnly"};
        for (String name : names) {
            run(b, name, seconds / 2, mx); // warm-up
            double perSecond = run(b, name, seconds, mx);
            System.out.printf("%-16s %,12.0f ops per CPU-second (%.2f us/op)%n", name, perSecond, 1e6 / perSecond);
        }
    }

    private static double run(PipelineBenchmark b, String name, double seconds, ThreadMXBean mx) {
        long budget = (long) (seconds * 1e9);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long ops = 0;
        long check = 0;
        while (mx.getCurrentThreadCpuTime() - cpu0 < budget) {
            for (int i = 0; i < 10_000; i++) {
                check += switch (name) {
                    case "pipeline" -> b.pipeline().outcome().ordinal();
                    case "riskAssessment" -> b.riskAssessment().evidence().size();
                    case "pipelineAndRisk" -> b.pipelineAndRisk().evidence().size();
                    case "normalizeOnly" -> b.normalizeOnly().length();
                    default -> b.lexiconHits();
                };
            }
            ops += 10_000;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        if (check == 42) {
            System.out.println(); // keeps the work observable
        }
        return ops / (cpu / 1e9);
    }
}
