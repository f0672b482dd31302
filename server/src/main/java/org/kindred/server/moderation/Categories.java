package org.kindred.server.moderation;

/** Category names used in verdicts, lexicon files and configuration. */
public final class Categories {
    public static final String PROFANITY = "profanity";
    public static final String SLUR = "slur";
    public static final String HATE = "hate";
    public static final String HARASSMENT = "harassment";
    /**
     * Plain name-calling aimed at a person in the room ("shut up you stupid idiot"): hidden, and
     * the sender privately warned. Degrading attacks on someone's worth, illness or identity are
     * {@link #HARASSMENT}; self-talk and talk about people who are not there are neither.
     */
    public static final String INSULT = "insult";
    /** Telling someone else to harm or kill themselves ("kys"). First-person risk is not this. */
    public static final String SELF_HARM_INCITEMENT = "self_harm_incitement";
    public static final String SEXUAL = "sexual";
    public static final String THREAT = "threat";
    /** Phone numbers, e-mail addresses, social handles (masked). */
    public static final String CONTACT = "contact";
    /** A link that was held for review. */
    public static final String LINK = "link";
    /** The same text repeated (flood). */
    public static final String SPAM = "spam";

    private Categories() {
    }
}
