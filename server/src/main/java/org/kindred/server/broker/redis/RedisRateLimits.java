package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.concurrent.CompletionStage;
import org.kindred.server.moderation.RateLimits;

/**
 * {@link RateLimits} in Redis, shared by the nodes: GCRA (the generic cell rate algorithm, a
 * token bucket kept as one number) per member and per network fingerprint. Each key holds the
 * theoretical arrival time of the next send (epoch ms) and expires when its bucket would be full
 * again, so idle keys cost nothing. One Lua script checks the member's key and the
 * fingerprint's and takes from both or neither; a send is allowed when the key's time is at most
 * {@code (burst - 1) / rate} seconds ahead of now. Keys: {@code <prefix>{rate}:m:<member>} and
 * {@code <prefix>{rate}:n:<fingerprint>} (one hash tag, so one script may touch both on any
 * deployment); the fingerprint is a keyed hash, never an address. Times are the callers' clocks:
 * nodes whose clocks differ by a few ms share the allowance with that much slack.
 * {@link #take} never waits. Redis runs without persistence: each node writes back on its new
 * connection after a restart the allowances it saw spent ({@link AllowanceMemory}), so a
 * restart hands nobody a fresh burst. Thread-safe.
 */
public final class RedisRateLimits implements RateLimits {
    /**
     * The allowance's check, a part of scripts: needs locals {@code now}, {@code rateKey} (the
     * index of the first allowance key in KEYS; they run to the last) and {@code rateArg} (the
     * index in ARGV of the first key's ms between sends, followed by its tolerance, then the next
     * key's); sets {@code wait} (ms, 0 when allowed) and {@code tats} (what {@link #TAKE_WRITE}
     * stores). Writes nothing.
     */
    static final String TAKE_CHECK = """
            local tats, wait = {}, 0
            for i = rateKey, #KEYS do
              local j = rateArg + 2 * (i - rateKey)
              local every, tolerance = tonumber(ARGV[j]), tonumber(ARGV[j + 1])
              local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
              if tat < now then tat = now end
              if tat - now > tolerance then
                wait = math.max(wait, tat - tolerance - now)
              end
              tats[i] = tat + every
            end
            if wait > 0 then wait = math.max(1, math.ceil(wait)) end
            """;
    /** Takes the send {@link #TAKE_CHECK} allowed from every allowance key, a part of scripts. */
    static final String TAKE_WRITE = """
            for i = rateKey, #KEYS do
              redis.call('SET', KEYS[i], string.format('%.3f', tats[i]), 'PX', math.ceil(tats[i] - now) + 1)
            end
            """;
    /**
     * KEYS: member[, network]. ARGV: now, then per key the ms between sends and the burst
     * tolerance (ms). Returns 0 (taken) or the ms to wait (nothing taken). {@link RedisAllowance}
     * runs it with one key.
     */
    static final Script TAKE = Script.of("""
            local now, rateKey, rateArg = tonumber(ARGV[1]), 1, 2
            """ + TAKE_CHECK + """
            if wait > 0 then return wait end
            """ + TAKE_WRITE + """
            return 0
            """);

    private final RedisLink link;
    private final String prefix;
    private final String memberArgs;
    private final String memberTolerance;
    private final String networkArgs;
    private final String networkTolerance;
    private final double memberEvery;
    private final double networkEvery;
    private final AllowanceMemory memory = new AllowanceMemory();

    /**
     * @param memberBurst sends a member may make at once, {@code >= 1}
     * @param memberRatePerSecond a member's refill, sends per second, {@code > 0}
     * @param networkBurst sends one fingerprint may make at once, {@code >= 1}
     * @param networkRatePerSecond a fingerprint's refill, sends per second, {@code > 0}
     */
    RedisRateLimits(RedisLink link, String prefix, int memberBurst, double memberRatePerSecond, int networkBurst,
            double networkRatePerSecond) {
        if (memberBurst < 1 || networkBurst < 1 || !(memberRatePerSecond > 0) || !(networkRatePerSecond > 0)) {
            throw new IllegalArgumentException("bursts " + memberBurst + ", " + networkBurst + " and rates "
                    + memberRatePerSecond + ", " + networkRatePerSecond + " (expected: bursts >= 1, rates > 0)");
        }
        this.link = link;
        this.prefix = prefix + "{rate}:";
        this.memberEvery = 1000.0 / memberRatePerSecond;
        this.networkEvery = 1000.0 / networkRatePerSecond;
        this.memberArgs = String.valueOf(memberEvery);
        this.memberTolerance = String.valueOf(memberEvery * (memberBurst - 1));
        this.networkArgs = String.valueOf(networkEvery);
        this.networkTolerance = String.valueOf(networkEvery * (networkBurst - 1));
        link.preload(TAKE);
        link.preload(AllowanceMemory.WRITE_BACK);
        link.whenReplaced(memory::writeBack);
    }

    @Override
    public CompletionStage<Long> take(String memberId, String fingerprint, long nowMillis) {
        String[] args = args(fingerprint);
        String[] withNow = new String[args.length + 1];
        withNow[0] = String.valueOf(nowMillis);
        System.arraycopy(args, 0, withNow, 1, args.length);
        return link.<Long>runAsync(TAKE, ScriptOutputType.INTEGER, keys(memberId, fingerprint), withNow)
                .thenApply(wait -> {
                    if (wait == 0) {
                        took(memberId, fingerprint, nowMillis);
                    }
                    return wait;
                });
    }

    /**
     * Notes a send this node let through at {@code nowMillis} that took the allowance of
     * {@link #keys}{@code (memberId, fingerprint)} (here or in a publish script), for the write-back.
     */
    void took(String memberId, String fingerprint, long nowMillis) {
        String[] k = keys(memberId, fingerprint);
        memory.took(k[0], memberEvery, nowMillis);
        if (k.length > 1) {
            memory.took(k[1], networkEvery, nowMillis);
        }
    }

    /** The allowance keys of a send of {@code memberId} from {@code fingerprint} (null: the member's only). */
    String[] keys(String memberId, String fingerprint) {
        return fingerprint == null ? new String[] {prefix + "m:" + memberId}
                : new String[] {prefix + "m:" + memberId, prefix + "n:" + fingerprint};
    }

    /** {@link #TAKE_CHECK}'s ARGV for {@link #keys}: per key the ms between sends and the tolerance. */
    String[] args(String fingerprint) {
        return fingerprint == null ? new String[] {memberArgs, memberTolerance}
                : new String[] {memberArgs, memberTolerance, networkArgs, networkTolerance};
    }
}
