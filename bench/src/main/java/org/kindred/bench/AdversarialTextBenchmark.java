package org.kindred.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.Role;
import org.kindred.server.crisis.RiskAssessment;
import org.kindred.server.crisis.RiskAssessor;
import org.kindred.server.moderation.MessageContext;
import org.kindred.server.moderation.ModerationConfig;
import org.kindred.server.moderation.StagedPipeline;
import org.kindred.server.moderation.Verdict;
import org.kindred.server.text.Normalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per 2,000-character message of adversarial shapes (issue 11: "a 2,000-character message of
 * any shape is processed well under a millisecond after warm-up"), through the moderation pipeline
 * as the server builds it and through the risk assessor, against {@code ordinary} (2,000 characters
 * of ordinary support-group talk) in the same run: read each shape's time as a ratio to it.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar AdversarialTextBenchmark -f 1 -wi 3 -i 5}.
 * Each shape comes in 16 variants (one character changed) and senders rotate over 4,099 new
 * members, so flood detection and rate limits never cut the pipeline short and every stage
 * (links included) reads the whole text. {@link AdversarialCpuTime} times the same work by thread
 * CPU time, for machines shared with other work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdversarialTextBenchmark {
    static final int LENGTH = 2000;
    private static final int VARIANTS = 16;

    @Param({"ordinary", "digits", "openers", "zalgo", "spaced", "lettersAt", "emoji", "mixedScript", "random",
        "repeatedTerm", "dottedPlatforms", "dots", "bangs", "riskRepeated"})
    public String shape;

    private StagedPipeline pipeline;
    private RiskAssessor risk;
    private String[] texts;
    private String[] members;
    private long now;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        pipeline = StagedPipeline.create(ModerationConfig.defaults(), null, System::nanoTime);
        risk = RiskAssessor.withBundledRules(new Normalizer());
        texts = new String[VARIANTS];
        for (int v = 0; v < VARIANTS; v++) {
            texts[v] = variant(text(shape), v);
            if (texts[v].length() != LENGTH) {
                throw new IllegalStateException(shape + " has " + texts[v].length() + " chars");
            }
        }
        members = new String[4099];
        for (int i = 0; i < members.length; i++) {
            members[i] = "member-" + i;
        }
        now = 1_800_000_000_000L;
    }

    /** The moderation pipeline's verdict (every stage, default configuration, bundled lexicons). */
    @Benchmark
    public Verdict moderate() {
        int k = step++;
        now++;
        MessageContext ctx = new MessageContext("lobby", members[k % members.length], Role.MEMBER, null,
                now - 60_000, now, texts[k % VARIANTS]);
        return pipeline.evaluate(ctx);
    }

    /** The risk assessment with the bundled rules. */
    @Benchmark
    public RiskAssessment assessRisk() {
        return risk.assess(texts[step++ % VARIANTS], "en-GB");
    }

    /** Exactly {@link #LENGTH} chars of the named shape. */
    static String text(String shape) {
        return switch (shape) {
            case "ordinary" -> fill(String.join(" ", PipelineBenchmark.MESSAGES.subList(0, 14)) + " ");
            case "digits" -> fill("12-34.56 78/90(1) ");
            case "openers" -> fill("(1");
            case "zalgo" -> fill("z\u0336\u0321\u031b\u0327a\u0300\u0301\u0302l\u0303\u0304g\u0305o\u0306\u0307 ");
            case "spaced" -> fill("a ");
            case "lettersAt" -> fill("a".repeat(400) + " at " + "b".repeat(400) + " dot ");
            case "emoji" -> fill("\uD83D\uDE00");
            case "mixedScript" -> fill("p\u0430ypal \u043Aill \u4F60\u597D \u0645\u0631\u062D\u0628\u0627 "
                    + "\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24 \u05E9\u05DC\u05D5\u05DD ");
            case "random" -> random();
            case "repeatedTerm" -> fill("shit ");
            case "dottedPlatforms" -> fill("snap.");
            case "dots" -> "a.b" + ".".repeat(LENGTH - 3);
            case "bangs" -> "a" + "!".repeat(LENGTH - 1);
            case "riskRepeated" -> fill("I want to kill myself tonight, not in a film. ");
            default -> throw new IllegalArgumentException("shape " + shape);
        };
    }

    private static String fill(String unit) {
        StringBuilder b = new StringBuilder(LENGTH + unit.length());
        while (b.length() < LENGTH) {
            b.append(unit);
        }
        b.setLength(LENGTH);
        if (Character.isHighSurrogate(b.charAt(LENGTH - 1))) {
            b.setCharAt(LENGTH - 1, ' ');
        }
        return b.toString();
    }

    /** Printable BMP characters and some emoji, seeded so every run reads the same text. */
    private static String random() {
        Random r = new Random(11);
        StringBuilder b = new StringBuilder(LENGTH);
        while (b.length() < LENGTH) {
            int kind = r.nextInt(10);
            if (kind == 0 && b.length() < LENGTH - 1) {
                b.appendCodePoint(0x1F300 + r.nextInt(0x300));
            } else if (kind < 5) {
                b.append((char) (0x20 + r.nextInt(0x5F)));
            } else {
                char c = (char) (0xA0 + r.nextInt(0xD7FF - 0xA0));
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The text with one early character changed, so a member's messages are not one repeated. */
    private static String variant(String text, int v) {
        if (v == 0) {
            return text;
        }
        int at = text.length() / 2;
        if (Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        String replaced = Character.isHighSurrogate(text.charAt(at)) ? (char) ('A' + v) + " " : String.valueOf((char) ('A' + v));
        return text.substring(0, at) + replaced + text.substring(at + replaced.length());
    }
}
