package org.kindred.server.crisis;

import java.util.Set;

/**
 * A risk of the past told as a story that ends in the present (twentieth round): "at 17 i wanted to die.
 * today i got into university", "vor 4 jahren hab ich versucht mich umzubringen. heute bin ich verheiratet",
 * "hace 20 años intenté quitarme la vida. hoy tengo dos nietos". When every signal of the writer's own lies
 * in a clause about the past and a later clause opens with a word of the present day, the message is recovery
 * talk even without a word of feeling better: a card, never a page (a time or an imminent signal still pins),
 * unless a word of risk coming back or going on follows the opener. A clause that says how long ago the story was
 * ("hab mich früher geritzt, ist jetzt 5 jahre her": {@link SinceClause}) opens the present as such a word does
 * (twenty-third round), and so does a clause that says how long the writer has been clean ("…, been clean 6 years
 * now": {@link CleanSpan}, twenty-fourth round).
 */
final class StoryTold {
    /** Words that open a clause of the present day, the four languages (canonical: "aujourd" of "aujourd'hui"). */
    static final Set<String> OPENERS = Set.of("now", "today", "nowadays", "ahora", "hoy", "jetzt", "heute",
            "inzwischen", "mittlerweile", "maintenant", "aujourd", "aujourdhui");

    private StoryTold() {
    }

    /**
     * Whether a clause after token {@code from} opens with a word of {@link #OPENERS} outside the past, or is a
     * {@link SinceClause}.
     *
     * @param t the tokens
     * @param past per token, whether its clause tells of the past
     * @param from the first token after the writer's last signal
     * @param lastRelapse the last token of a word of risk coming back or going on ("again", "wieder", "thoughts",
     *     a self-harm act: {@link ComboReading#lastRelapse}), or -1: after the opener, the story has not
     *     reached a safe present ("now im 20 and its back", "jetzt kommt alles wieder hoch")
     * @return true when the story reaches the present; reads each token after {@code from} once
     */
    static boolean presentAfter(Token[] t, boolean[] past, int from, int lastRelapse) {
        for (int k = Math.max(1, from); k < t.length; k++) {
            // a clause that says how long ago it was ("…, ist jetzt 5 jahre her") is told from the present too
            if (t[k].before != Token.Boundary.NONE
                    && ((!past[k] && OPENERS.contains(t[k].text)) || SinceClause.startsAt(t, k)
                            || CleanSpan.startsAt(t, k))) {
                return lastRelapse < k;
            }
        }
        return false;
    }
}
