package org.kindred.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.kindred.server.broker.redis.RedisParking;
import org.kindred.server.common.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' sessions parked in Redis when their connection drops, so that the member may resume
 * on any node of a cluster: the member id, its language and region, and for each room its
 * nickname and the {@code seq} of the last message its connection was sent. Keyed by the hash of
 * the resume token (never the token), for the resume window. A resume takes the record (one
 * node at most gets it); the node that parked it resumes locally only after taking it back.
 * Staff sessions are not parked (their sign-in is checked where they connect). Thread-safe.
 */
public final class ParkedSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedSessions.class);

    /** One room of a parked session: the member's nickname and the last {@code seq} it was sent. */
    public record ParkedRoom(String nick, long seq) {
    }

    /** A parked session. */
    public record Parked(String member, String locale, String region, long createdAt,
            Map<String, ParkedRoom> rooms) {
    }

    private final RedisParking parking;
    private final long windowMillis;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param parking where the records wait
     * @param windowMillis how long a record waits (the resume window), ms
     */
    public ParkedSessions(RedisParking parking, long windowMillis) {
        this.parking = parking;
        this.windowMillis = windowMillis;
    }

    /** Parks {@code s} (its connection just dropped) under its current resume token; best effort. */
    public void park(Session s) {
        Map<String, ParkedRoom> rooms = new LinkedHashMap<>();
        for (String room : s.rooms()) {
            String nick = s.nickIn(room);
            if (nick != null) {
                rooms.put(room, new ParkedRoom(nick, s.sentSeq(room)));
            }
        }
        try {
            parking.park(s.tokenHash(), json.writeValueAsString(new Parked(s.memberId(), s.locale(), s.region(),
                    s.createdAt(), rooms)), windowMillis);
        } catch (JsonProcessingException e) {
            LOG.warn("a session could not be parked: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Takes the record of {@code token}: empty when there is none (never parked, taken by another
     * node, or expired); exceptionally when Redis is unreachable.
     */
    public CompletionStage<Optional<Parked>> take(String token) {
        return parking.take(Ids.hash(token)).thenApply(v -> v.map(this::read));
    }

    private Parked read(String s) {
        try {
            return json.readValue(s, Parked.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked session cannot be read", e);
        }
    }
}
