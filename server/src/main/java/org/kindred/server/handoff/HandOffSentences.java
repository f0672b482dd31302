package org.kindred.server.handoff;

import org.kindred.protocol.Role;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.i18n.ServerText;

/**
 * The sentences of a warm hand-off, in the language of the person who reads them where Kindred has
 * it (English, Spanish, German, French; English otherwise), from the server's catalogs
 * ({@link ServerText}, keys {@code handoff.*}): the invitation and the notices that end a private
 * conversation, as {@link Sentence}s put into words at delivery. Calm and plain: an invitation, never a summons.
 */
final class HandOffSentences {
    private HandOffSentences() {
    }

    /**
     * The invitation from {@code nick} (of {@code role}), put into words where it is delivered: in the
     * language of the connection that shows it, also when it is replayed to a session resumed with
     * another {@code hello.locale}.
     */
    static Sentence invite(String nick, Role role) {
        boolean supporter = role == Role.SUPPORTER;
        return Sentence.of("handoff.invite", "nick", nick)
                .with("title", Sentence.of(supporter ? "handoff.title.supporter" : "handoff.title.moderator"));
    }

    /** To the member when the conversation ended (put into the member's language at delivery). */
    static final Sentence CLOSED = Sentence.of("handoff.closed.member");

    /** To the staff member when the conversation ended (in their language at delivery). */
    static final Sentence CLOSED_STAFF = Sentence.of("handoff.closed.staff");

    /** To the staff member when the member said no (in their language at delivery). */
    static final Sentence DECLINED = Sentence.of("handoff.declined");
}
