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
        this.scanner = new ContactScanner(new HashSet<>(config.crisisNumbers()));
    }

    @Override
    public StageName name() {
        return StageName.CONTACT;
    }

    @Override
    public void apply(Evaluation e) {
        scanner.scan(e.text(), e.context().mentionable(), (start, end) -> e.found(Categories.CONTACT, start, end));
    }
}
