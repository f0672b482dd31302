package org.kindred.server.moderation;

/** Sentences for the sender: what happened and why, in plain words. */
final class Reasons {
    static final String CONTACT_MASKED = "We hid contact details in your message to protect your anonymity here."
            + " Please keep phone numbers, e-mail addresses and social accounts out of the group.";
    static final String WORDS_MASKED = "Some words in your message were hidden with * under this room's guidelines.";
    static final String INSULT_WARNED = "Please keep it kind: we hid the name-calling in your message."
            + " Everyone here is going through something; you can disagree without insulting anyone.";
    static final String HELD = "Your message will appear once a moderator has looked at it.";
    static final String LINK_HELD = "Links from new members are checked by a moderator first;"
            + " your message will appear once it's approved.";

    private Reasons() {
    }

    /** Order in which a blocked category explains the block: the most serious first. */
    private static final java.util.List<String> PRIORITY = java.util.List.of(Categories.THREAT,
            Categories.SELF_HARM_INCITEMENT, Categories.HATE, Categories.SLUR, Categories.HARASSMENT, Categories.SEXUAL,
            Categories.INSULT,
            Categories.SPAM, Categories.CONTACT, Categories.LINK, Categories.PROFANITY);

    /** Lower is more serious; unknown categories come last. */
    static int priority(String category) {
        int i = PRIORITY.indexOf(category);
        return i < 0 ? PRIORITY.size() : i;
    }

    static String blocked(String category) {
        return switch (category) {
            case Categories.SLUR, Categories.HATE ->
                    "Your message wasn't sent because it contains language that attacks people for who they are.";
            case Categories.HARASSMENT ->
                    "Your message wasn't sent because it reads as harassment. Everyone here deserves to feel safe.";
            case Categories.SELF_HARM_INCITEMENT ->
                    "Your message wasn't sent because it tells someone to harm themselves, which is never okay here.";
            case Categories.INSULT ->
                    "Your message wasn't sent because it calls someone names, which this room doesn't allow.";
            case Categories.SEXUAL -> "Your message wasn't sent because sexual content isn't allowed in this group.";
            case Categories.THREAT -> "Your message wasn't sent because it reads as a threat of violence.";
            case Categories.PROFANITY -> "Your message wasn't sent because this room doesn't allow swearing.";
            case Categories.SPAM ->
                    "Your message wasn't sent because you've sent the same thing several times just now.";
            case Categories.CONTACT ->
                    "Your message wasn't sent because sharing contact details isn't allowed in this room.";
            case Categories.LINK -> "Your message wasn't sent because links aren't allowed in this room.";
            default -> "Your message wasn't sent because it goes against this group's guidelines.";
        };
    }

    /** The warning for a sender whose delivered or held message matched {@code category}. */
    static String warned(String category) {
        return Categories.INSULT.equals(category) ? INSULT_WARNED
                : "Please keep to this room's guidelines: part of your message went against them.";
    }

    static String held(String category) {
        return Categories.LINK.equals(category) ? LINK_HELD : HELD;
    }
}
