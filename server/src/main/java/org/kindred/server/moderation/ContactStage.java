package org.kindred.server.moderation;

import java.util.HashSet;

/**
 * Stage 5: hides contact details (phone numbers, e-mail addresses, social handles) so members
 * stay anonymous; the sender is told why with a {@code masked} notice. Crisis-line numbers from the
 * configuration (988, 116 123, ...) are never hidden: they are how people help each other; nor is
 * "@nick" when a member of the room goes by that nickname (a mention).
 */
public final class ContactStage implements Stage {
    private final ContactScanner scanner;

    public ContactStage(ModerationConfig config) {
        this(scanner(config));
    }

    /** A stage sharing {@code scanner} with the lexicon stage, so the message is scanned once. */
    ContactStage(ContactScanner scanner) {
        this.scanner = scanner;
    }

    /** The scanner the configuration asks for (its crisis numbers are never contact details). */
    static ContactScanner scanner(ModerationConfig config) {
        return new ContactScanner(new HashSet<>(config.crisisNumbers()));
    }

    @Override
    public StageName name() {
        return StageName.CONTACT;
    }

    @Override
    public void apply(Evaluation e) {
        int[] ranges = e.contactRanges(scanner);
        for (int i = 0; i < ranges.length; i += 2) {
            e.found(Categories.CONTACT, ranges[i], ranges[i + 1]);
        }
    }
}
