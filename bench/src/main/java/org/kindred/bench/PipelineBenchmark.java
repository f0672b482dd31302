package org.kindred.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.Role;
import org.kindred.server.crisis.RiskAssessment;
import org.kindred.server.crisis.RiskAssessor;
import org.kindred.server.moderation.MessageContext;
import org.kindred.server.moderation.ModerationConfig;
import org.kindred.server.moderation.StagedPipeline;
import org.kindred.server.moderation.Verdict;
import org.kindred.server.moderation.lexicon.Lexicon;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the moderation pipeline per message, with the full bundled lexicons (checked to hold at
 * least 5,000 English terms) over realistic 20–300 character messages: mostly ordinary support-group
 * talk, some swearing, contact details, links and abuse.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar PipelineBenchmark -f 1 -wi 2 -i 3 -prof gc}.
 * {@code pipeline} is the moderation issue's number; {@code riskAssessment} the crisis
 * issue's; {@code pipelineAndRisk} both, as every send pays them.
 * The clock advances 1 ms per message and senders rotate over 4,099 members behind 257 networks, so
 * rate limits hold steady (each member sends about every 4 s) instead of refusing everything early.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PipelineBenchmark {
    static final List<String> MESSAGES = List.of(
            "Good morning everyone, hope you all slept better than I did.",
            "Thanks for listening yesterday, it really helped to say it out loud.",
            "I had a panic attack on the bus today but I used the breathing exercise and it passed after a few minutes.",
            "Does anyone else find Sundays the hardest? Everything feels so quiet and heavy.",
            "My therapist suggested journaling before bed. Has anyone tried it? I'm a bit sceptical honestly.",
            "one day at a time 💛",
            "I finally told my sister what has been going on. She was kinder than I expected and we talked for two hours.",
            "Welcome to the group! Take your time, there is no pressure to share until you feel ready.",
            "It's been 90 days since I last self-harmed. Some days are still really hard but I'm proud of myself.",
            "Work is so stressful right now, my manager keeps piling things on and I can't say no.",
            "If anyone is in the UK, Samaritans are on 116 123 any time, day or night. They helped me a lot.",
            "I don't really know what to write, I just didn't want to be alone with my thoughts tonight.",
            "Sending hugs to everyone who is struggling this week. You are not alone in this.",
            "this week has been absolute shit, sorry for the language, I'm just exhausted",
            "honestly fuck my landlord, he still hasn't fixed the heating and it's freezing",
            "Can someone text me? My number is 07700 900123, I'm really not doing well",
            "I found this article helpful: https://www.mind.org.uk/information-support/ about sleep and anxiety.",
            "Has anyone read the new guide at example.com/anxiety-guide? Not sure if it's legit.",
            "My appointment got moved to 12.05.2025 which is ages away, I don't know how to cope until then.",
            "The cocktail of meds they put me on makes me so tired, I fell asleep during the class assignment.",
            "go kill yourself nobody wants you here",
            "you are worthless and everyone here hates you",
            "I want to die, I don't see the point anymore. I'm sorry for dumping this here.",
            "k y s loser, nobody here wants you around",
            "add me on snap: coolkid_99 if you want to talk privately",
            "I was bullied at school and people called me names every day, it still affects me at 35.",
            "My cat sat on my keyboard while I was typing, so if you see nonsense that's why haha",
            "Is it normal to feel numb after a breakdown? I don't feel sad or happy, just nothing at all.",
            "thank you all so much ❤️",
            "I keep replaying that conversation in my head over and over. How do you all stop rumination?",
            "Just got back from a walk by the river in Scunthorpe, the fresh air helped a bit.",
            "Please don't hurt yourself tonight. Stay with us and keep talking, we're here.",
            "Some context for newcomers: I've been coming here for about a year. When I started I couldn't get out of"
                    + " bed most days. Now I work part time, I see my therapist every two weeks and I have a few people"
                    + " I can call when it gets bad. It does get better, slowly, even when it doesn't feel like it.",
            "Long day. The appointment at the clinic ran late, the bus broke down, and then my mum called to tell me"
                    + " everything I'm doing wrong with my life. I managed not to shout, which is progress I guess."
                    + " Going to have tea, a shower and an early night. Thanks for being here, all of you.");

    private StagedPipeline pipeline;
    private RiskAssessor risk;
    private Normalizer normalizer;
    private Lexicon lexicon;
    private NormalizedText[] normalized;
    private long now;
    private int step;

    @Setup(Level.Trial)
    public void setUp() {
        pipeline = StagedPipeline.create(ModerationConfig.defaults(), null, System::nanoTime);
        lexicon = pipeline.lexicon().current();
        int english = StagedPipeline.create(ModerationConfig.builder().languages(List.of("en")).build(), null,
                System::nanoTime).lexicon().current().size();
        if (english < 5000) {
            throw new IllegalStateException("benchmark needs >= 5000 English terms, has " + english);
        }
        normalizer = new Normalizer();
        risk = RiskAssessor.withBundledRules(normalizer);
        normalized = MESSAGES.stream().map(normalizer::normalize).toArray(NormalizedText[]::new);
        now = 1_800_000_000_000L;
        System.out.printf("%nlexicon: %d terms (%d English), %d states; %d messages, %d-%d chars%n", lexicon.size(),
                english, lexicon.states(), MESSAGES.size(),
                MESSAGES.stream().mapToInt(String::length).min().orElse(0),
                MESSAGES.stream().mapToInt(String::length).max().orElse(0));
    }

    @Benchmark
    public Verdict pipeline() {
        int k = step++;
        now++;
        int member = k % 4099;
        MessageContext ctx = new MessageContext("lobby", MEMBER_IDS[member], Role.MEMBER, NETWORKS[member % 257],
                now - 3_600_000L, now, MESSAGES.get(k % MESSAGES.size()));
        return pipeline.evaluate(ctx);
    }

    /** The crisis issue's risk assessment alone (it runs on every message, whatever the verdict). */
    @Benchmark
    public RiskAssessment riskAssessment() {
        return risk.assess(MESSAGES.get(step++ % MESSAGES.size()), "en-GB");
    }

    /** What a member's send costs before delivery: the pipeline's verdict, then the risk assessment. */
    @Benchmark
    public RiskAssessment pipelineAndRisk() {
        Verdict v = pipeline();
        RiskAssessment r = risk.assess(MESSAGES.get((step - 1) % MESSAGES.size()), "en-GB");
        return v.outcome() == null ? null : r;
    }

    @Benchmark
    public NormalizedText normalizeOnly() {
        return normalizer.normalize(MESSAGES.get(step++ % MESSAGES.size()));
    }

    @Benchmark
    public void lexiconScanOnly(Blackhole bh) {
        lexicon.scan(normalized[step++ % normalized.length], Lexicon.Mode.MESSAGE, (term, s, e) -> {
            bh.consume(term);
            return true;
        });
    }

    /** Lexicon scan without JMH's Blackhole: number of hits (for {@link CpuTimeRun}). */
    int lexiconHits() {
        int[] hits = {0};
        lexicon.scan(normalized[step++ % normalized.length], Lexicon.Mode.MESSAGE, (term, s, e) -> {
            hits[0]++;
            return true;
        });
        return hits[0];
    }

    private static final String[] MEMBER_IDS = new String[4099];
    private static final String[] NETWORKS = new String[257];

    static {
        for (int i = 0; i < MEMBER_IDS.length; i++) {
            MEMBER_IDS[i] = "member-" + i;
        }
        for (int i = 0; i < NETWORKS.length; i++) {
            NETWORKS[i] = "net-" + i;
        }
    }
}
