package org.kindred.server.session;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.ServerText;
import org.kindred.server.transport.SharedFrame;

/**
 * Delivery of one room event whose words depend on the reader (a notice carrying a
 * {@link org.kindred.server.i18n.Sentence}): the recipients are grouped by the language of their
 * session, and the event is put into words and encoded once per language present, each frame
 * shared by that language's recipients ({@link Fanout}). A detached session keeps the event as it
 * came, so it is put into words in the language of the connection it resumes on.
 */
final class ByLanguage {
    private ByLanguage() {
    }

    /**
     * Delivers {@code event} to {@code members} but {@code exceptMember} (may be null) and those in
     * {@code alsoExcept}. Called on the room's thread; encodes at most once per language
     * ({@link ServerText#LANGUAGES}).
     */
    static void deliver(ProtocolCodec codec, Collection<Session> members, ServerMessage event, String exceptMember,
            Set<String> alsoExcept) {
        Map<String, Fanout> byLanguage = new HashMap<>(8);
        Map<String, SharedFrame> frames = new HashMap<>(8);
        try {
            for (Session s : members) {
                if ((exceptMember != null && s.memberId().equals(exceptMember))
                        || alsoExcept.contains(s.memberId())) {
                    continue;
                }
                String lang = ServerText.language(s.locale());
                Fanout f = byLanguage.get(lang);
                if (f == null) {
                    SharedFrame frame = SharedFrame.encode(codec, ServerText.get().localize(event, lang));
                    frames.put(lang, frame);
                    f = new Fanout(frame, event);
                    byLanguage.put(lang, f);
                }
                f.add(s);
            }
            for (Fanout f : byLanguage.values()) {
                f.dispatch();
            }
        } finally {
            for (SharedFrame frame : frames.values()) {
                frame.release();
            }
        }
    }
}
