package org.kindred.server.moderation;

import java.util.List;
import org.kindred.server.i18n.Sentence;

/**
 * Sentences for the sender, what happened and why in plain words, as keys of the server's catalogs
 * ({@code moderation.*} in {@code i18n/<lang>.json}): they are put into the sender's language where
 * they are delivered.
 */
final class Reasons {
    static final Sentence CONTACT_MASKED = Sentence.of("moderation.contact_masked");
    static final Sentence WORDS_MASKED = Sentence.of("moderation.words_masked");

    private Reasons() {
    }

    /** Order in which a blocked category explains the block: the most serious first. */
    private static final List<String> PRIORITY = List.of(Categories.THREAT,
            Categories.SELF_HARM_INCITEMENT, Categories.HATE, Categories.SLUR, Categories.HARASSMENT, Categories.SEXUAL,
            Categories.INSULT,
            Categories.SPAM, Categories.CONTACT, Categories.LINK, Categories.PROFANITY);

    /** Lower is more serious; unknown categories come last. */
    static int priority(String category) {
        int i = PRIORITY.indexOf(category);
        return i < 0 ? PRIORITY.size() : i;
    }

    /** Why a message of {@code category} was not sent ({@code moderation.blocked.*}); a general sentence for others. */
    static Sentence blocked(String category) {
        return Sentence.of("moderation.blocked." + switch (category) {
            case Categories.SLUR, Categories.HATE -> "hate";
            case Categories.HARASSMENT -> "harassment";
            case Categories.SELF_HARM_INCITEMENT -> "self_harm_incitement";
            case Categories.INSULT -> "insult";
            case Categories.SEXUAL -> "sexual";
            case Categories.THREAT -> "threat";
            case Categories.PROFANITY -> "profanity";
            case Categories.SPAM -> "spam";
            case Categories.CONTACT -> "contact";
            case Categories.LINK -> "link";
            default -> "other";
        });
    }

    /** The warning for a sender whose delivered or held message matched {@code category}. */
    static Sentence warned(String category) {
        return Sentence.of(Categories.INSULT.equals(category) ? "moderation.insult_warned" : "moderation.warned");
    }

    /** Why a message of {@code category} waits for a moderator. */
    static Sentence held(String category) {
        return Sentence.of(Categories.LINK.equals(category) ? "moderation.link_held" : "moderation.held");
    }

    /** A message that is empty once cleaned. */
    static Sentence empty() {
        return Sentence.of("moderation.empty");
    }

    /** A message of {@code length} code points over the room's {@code max}. */
    static Sentence tooLong(int max, int length) {
        return Sentence.of("moderation.too_long", "max", max).with("length", length);
    }

    /** A sender over their rate, who may send again in {@code millis}. */
    static Sentence tooQuick(long millis) {
        long s = Math.max(1, (millis + 999) / 1000);
        return s == 1 ? Sentence.of("moderation.rate_limited.one")
                : Sentence.of("moderation.rate_limited", "seconds", s);
    }
}
