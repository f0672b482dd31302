package org.kindred.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.session.ParkedSessions.Parked;
import org.kindred.server.session.ParkedSessions.ParkedRoom;
import org.kindred.server.session.ParkedSessions.StaffRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON text {@link ParkedSessions} keeps in Redis, both ways: a session's record ({@link Parked}: ids,
 * language, region, rooms with nickname and {@code seq}, the sealed staff sign-in, check-ins, what is left of
 * its allowances) and the events a dropped session kept ({@code {"r": room or "", "a": seq it came after,
 * "e": the server message as the protocol encodes it}}). Nothing members write is in either. Thread-safe;
 * what it cannot read or write it logs by exception type only.
 */
final class ParkedText {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedText.class);

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ProtocolCodec codec = ProtocolCodec.shared();

    /**
     * The record of {@code s} as it is now: its rooms (those it has a nickname in, with the last {@code seq}
     * sent), its staff sign-in sealed with its resume token (staff only), its check-ins ({@code checkIns} may be
     * null: none carried) and its allowances left at {@code nowMillis}. Null when it cannot be written (logged).
     */
    String record(Session s, CheckIns checkIns, long nowMillis) {
        Map<String, ParkedRoom> rooms = new LinkedHashMap<>();
        for (String room : s.rooms()) {
            String nick = s.nickIn(room);
            if (nick != null) {
                rooms.put(room, new ParkedRoom(nick, s.sentSeq(room)));
            }
        }
        StaffRecord staff = s.role().canModerate()
                ? new StaffRecord(s.moderatorName(), s.role(), s.keys().sealedCredential()) : null;
        List<CheckIns.Carried> carried = checkIns == null ? null : checkIns.carried(s);
        try {
            return json.writeValueAsString(new Parked(s.memberId(), s.locale(), s.region(), s.createdAt(), rooms,
                    staff, carried == null || carried.isEmpty() ? null : carried, s.allowances().left(nowMillis)));
        } catch (JsonProcessingException e) {
            LOG.warn("a session could not be recorded: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    /**
     * Reads a record written by {@link #record} (or an older node: unknown fields are skipped).
     *
     * @throws IllegalStateException when {@code text} is not a session record
     */
    Parked parked(String text) {
        try {
            return json.readValue(text, Parked.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded session cannot be read", e);
        }
    }

    /**
     * The text of one kept event.
     *
     * @throws JsonProcessingException when it cannot be written
     */
    String kept(KeptEvent e) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("r", e.room() == null ? "" : e.room(), "a", e.after(),
                "e", new String(codec.encode(e.event()), StandardCharsets.UTF_8)));
    }

    /** The kept events of {@code values} (texts of {@link #kept}), in order; one that cannot be read is skipped. */
    List<KeptEvent> events(List<String> values) {
        List<KeptEvent> out = new ArrayList<>(values.size());
        for (String v : values) {
            try {
                JsonNode n = json.readTree(v);
                String room = n.path("r").asText("");
                out.add(new KeptEvent(room.isEmpty() ? null : room, n.path("a").asLong(),
                        codec.decodeServer(n.path("e").asText())));
            } catch (IOException | RuntimeException x) {
                LOG.debug("a kept event was not read: {}", x.getClass().getSimpleName());
            }
        }
        return out;
    }
}
