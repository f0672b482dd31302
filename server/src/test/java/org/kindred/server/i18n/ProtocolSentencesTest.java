package org.kindred.server.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Decoded;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;

/**
 * A request the decoder refuses reads in the session's language: every sentence shape the protocol
 * module writes is recognised, put back into English unchanged, and has its own translation.
 */
class ProtocolSentencesTest {
    private static final ServerText TEXT = ServerText.get();

    /** Frames that reach each of the decoder's refusals (one or more per sentence shape). */
    static final List<String> FRAMES = List.of(
            "not json at all",
            "[" .repeat(3000) + "]".repeat(3000),
            "{\"type\":\"hello\",\"type\":\"hello\"}",
            "[1,2]",
            "{\"type\":\"hello\",\"v\":1,\"id\":7}",
            "{\"v\":1}",
            "{\"type\":\"frobnicate\"}",
            "{\"type\":\"no such type with spaces\"}",
            "{\"type\":\"join\",\"room\":[]}",
            "{\"type\":\"join\",\"room\":{\"a\":1}}",
            "{\"type\":\"hello\",\"v\":\"one\"}",
            "{\"type\":\"join\"}",
            "{\"type\":\"join\",\"room\":\"not an id!\"}",
            "{\"type\":\"mod.watch\",\"rooms\":[\"a b\"]}",
            "{\"type\":\"mod.watch\",\"rooms\":" + manyRooms() + "}",
            "{\"type\":\"mod.mute\",\"room\":\"general\",\"member\":\"u_1\",\"seconds\":-5}",
            "{\"type\":\"mod.mute\",\"room\":\"general\",\"member\":\"u_1\",\"seconds\":99999999999}",
            "{\"type\":\"checkin\",\"minutes\":1}",
            "{\"type\":\"checkin\",\"minutes\":20.5}",
            "{\"type\":\"hello\",\"v\":99999999999999}",
            "{\"type\":\"mod.watch\",\"rooms\":[null]}",
            "{\"type\":\"checkin.answer\",\"checkin\":\"c_1\",\"answer\":\"fine\"}",
            "{\"type\":\"mod.reach\"}",
            "{\"type\":\"react\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":\"dislike\"}",
            "{\"type\":\"mod.resolve\",\"escalation\":\"e_1\",\"outcome\":\"gone\"}",
            "{\"type\":\"report\",\"room\":\"general\",\"msg\":\"m_1\",\"reason\":\"boring\"}");

    private static String manyRooms() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            b.append(i == 0 ? "" : ",").append("\"r").append(i).append('"');
        }
        return b.append(']').toString();
    }

    @Test
    void everySentenceTheDecoderWritesIsRecognisedAndReadsBackAsItself() {
        ProtocolCodec codec = ProtocolCodec.shared();
        ProtocolSentences sentences = TEXT.protocol();
        Set<String> hit = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String frame : FRAMES) {
            Decoded d = codec.decodeClient(frame);
            assertNotNull(d.error(), "not refused: " + frame.substring(0, Math.min(80, frame.length())));
            String english = d.error().message();
            Sentence s = sentences.recognise(english);
            if (s == null) {
                unknown.add(english);
                continue;
            }
            hit.add(s.key());
            assertEquals(english, s.english(), "read back as itself");
            for (String lang : List.of("es", "de", "fr")) {
                ServerMessage.Error local = TEXT.localize(d.error(), lang);
                assertEquals(s.text(lang), local.message());
                assertNotEquals(TEXT.text("error." + d.error().code().wire(), lang), local.message(),
                        "its own sentence, not the general one: " + english);
            }
        }
        assertTrue(unknown.isEmpty(), "decoder sentences no protocol.* key knows: " + unknown);
        Set<String> all = new TreeSet<>(sentences.keys());
        all.removeAll(hit);
        all.remove("protocol.unreadable"); // only a decoder bug reaches it
        // Reached by no client frame: Fields.requiredText and a list without a wildcard check only the
        // server's own messages, and every field a request has is named (never "A field").
        all.removeAll(Set.of("protocol.empty", "protocol.list_entry", "protocol.not_allowed", "protocol.wrong_type"));
        assertTrue(all.isEmpty(), "shapes no frame reached (add one): " + all);
    }

    @Test
    void germanReadsTheFieldItIsAbout() {
        ServerMessage.Error e = ProtocolCodec.shared().decodeClient("{\"type\":\"join\",\"id\":\"j\"}").error();
        assertEquals("The field 'room' is required.", TEXT.localize(e, "en").message());
        assertEquals("Das Feld 'room' ist erforderlich.", TEXT.localize(e, "de-DE").message());
        assertEquals("j", TEXT.localize(e, "de-DE").id());
    }

    @Test
    void otherWordsAreNotTakenForADecoderSentence() {
        ProtocolSentences p = TEXT.protocol();
        assertNull(p.recognise("The field 'room' is required. And more."));
        assertNull(p.recognise("The field 'a room with spaces' is required."));
        assertNull(p.recognise("x".repeat(10_000)));
        assertNull(p.recognise(null));
        assertEquals("protocol.unreadable", p.recognise("That request could not be read.").key());
    }
}
