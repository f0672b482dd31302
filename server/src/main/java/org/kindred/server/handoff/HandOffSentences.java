package org.kindred.server.handoff;

import java.util.Map;
import org.kindred.protocol.Role;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.i18n.ServerText;

/**
 * The sentences of a warm hand-off, in the language of the person who reads them where Kindred has
 * it (English, Spanish, German, French; English otherwise), from the server's catalogs
 * ({@link ServerText}, keys {@code handoff.*}): the invitation, put into words when it is made, and
 * the notices that end a private conversation, as {@link Sentence}s put into words at delivery. Calm and plain: an invitation, never a summons.
 */
final class HandOffSentences {
    private static final ServerText TEXT = ServerText.get();

    private HandOffSentences() {
    }

    /** The invitation from {@code nick} (of {@code role}) in the language of {@code locale} (may be null). */
    static String invite(String locale, String nick, Role role) {
        // By name: the supporter role arrives with protocol 1.1's peer supporters.
        boolean supporter = "SUPPORTER".equals(role.name());
        String title = TEXT.text(supporter ? "handoff.title.supporter" : "handoff.title.moderator", locale);
        return TEXT.text("handoff.invite", locale, Map.of("nick", nick, "title", title));
    }

    /** To the member when the conversation ended (put into the member's language at delivery). */
    static final Sentence CLOSED = Sentence.of("handoff.closed.member");

    /** To the staff member when the conversation ended (in their language at delivery). */
    static final Sentence CLOSED_STAFF = Sentence.of("handoff.closed.staff");

    /** To the staff member when the member said no (in their language at delivery). */
    static final Sentence DECLINED = Sentence.of("handoff.declined");
}
