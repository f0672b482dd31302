package org.kindred.server.moderation;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kindred.server.i18n.Sentence;

/**
 * The pipeline's immutable decision about one message.
 *
 * @param outcome         what happens to the message
 * @param text            the text as delivered (possibly masked) for DELIVER, MASK and HOLD; else null
 * @param categories      categories that matched (e.g. {@code profanity}, {@code contact}, {@code link})
 * @param reason          a sentence for the sender (a catalog key and its arguments, put into the
 *                        sender's language at delivery) for BLOCK, RATE_LIMITED, INVALID and HOLD;
 *                        else null
 * @param retryAfterMs    for RATE_LIMITED, how long to wait; else 0
 * @param alertModerators true when moderators should get {@code mod.alert}
 * @param notices         notices for the sender (e.g. {@code masked}); never null
 * @param autoMuteSeconds when {@code > 0}, the server should mute the member for this long
 *                        (repeated severe violations) and record it
 */
public record Verdict(Outcome outcome, String text, Set<String> categories, Sentence reason, long retryAfterMs,
        boolean alertModerators, List<Notice> notices, long autoMuteSeconds) {

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        categories = Set.copyOf(categories);
        notices = List.copyOf(notices);
        if (outcome.accepted() != (text != null)) {
            throw new IllegalArgumentException("text must be present exactly for DELIVER, MASK and HOLD"
                    + " (expected: " + (outcome.accepted() ? "non-null" : "null") + " for " + outcome + ")");
        }
        if (outcome != Outcome.DELIVER && outcome != Outcome.MASK && reason == null) {
            throw new IllegalArgumentException("reason (expected: a sentence for " + outcome + ")");
        }
        if (retryAfterMs < 0 || autoMuteSeconds < 0) {
            throw new IllegalArgumentException("retryAfterMs/autoMuteSeconds (expected: >= 0)");
        }
    }

    /** A message delivered unchanged. */
    public static Verdict deliver(String text) {
        return new Verdict(Outcome.DELIVER, text, Set.of(), null, 0, false, List.of(), 0);
    }

    /** A send refused as too quick (no allowance left): wait {@code retryAfterMs} ms, {@code >= 1}. */
    public static Verdict rateLimited(long retryAfterMs) {
        return refused(Outcome.RATE_LIMITED, Reasons.tooQuick(retryAfterMs), retryAfterMs);
    }

    /** A message refused before any content check (rate, slow mode, invalid). */
    public static Verdict refused(Outcome outcome, Sentence reason, long retryAfterMs) {
        return new Verdict(outcome, null, Set.of(), reason, retryAfterMs, false, List.of(), 0);
    }

    @Override
    public String toString() { // never log content
        return "Verdict[" + outcome + ", categories=" + categories + ", alert=" + alertModerators
                + ", retryAfterMs=" + retryAfterMs + ", autoMuteSeconds=" + autoMuteSeconds + "]";
    }
}
