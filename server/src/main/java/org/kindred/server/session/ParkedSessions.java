package org.kindred.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.kindred.protocol.Role;
import org.kindred.server.broker.redis.RedisParking;
import org.kindred.server.common.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' sessions recorded in Redis so that the member may resume on any node of a cluster:
 * the member id, its language and region, and for each room its nickname and a {@code seq} it
 * was sent. Keyed by the hash of the resume token (never the token). Two kinds of record:
 * <ul>
 *   <li><b>live</b>, while the session is connected here: written when it begins and whenever its
 *       rooms change (join, leave), refreshed every {@link #REFRESH_MS}; never per message. Its
 *       {@code seq}s are those sent by the time of the write; a node taking it over (this node died, or the client
 *       came back elsewhere first) counts as sent every message Redis added to a room's history
 *       up to this node's last heartbeat, and replays the rest;</li>
 *   <li><b>parked</b>, when the connection drops: the exact last {@code seq} sent per room, for
 *       the resume window.</li>
 * </ul>
 * A resume takes the record (one node at most gets it; the session's records are then marked
 * taken, and nothing brings them back); the node that held the session closes its copy when it
 * hears of it. A record also carries the session's check-ins and what is left of its report and
 * reaction allowances, and for staff the sign-in (sealed, {@link StaffSeal}), which the resuming
 * node checks against the store first. While a session is dropped, the events it keeps for its
 * resume (notices, presence changes …; never messages) are recorded beside it ({@link #kept}).
 * Nothing of what members write is recorded. Thread-safe.
 */
public final class ParkedSessions {
    /** How often a node rewrites the live records of its connected sessions, ms. */
    public static final long REFRESH_MS = 5 * 60_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ParkedSessions.class);

    /** One room of a parked session: the member's nickname and the last {@code seq} it was sent. */
    public record ParkedRoom(String nick, long seq) {
    }

    /**
     * A staff session's sign-in, as recorded: the account name, its role, and the digest of the
     * login token sealed with the resume token ({@link StaffSeal}). A resume re-checks it against
     * the store before it gives any staff rights.
     */
    public record StaffRecord(String name, Role role, String seal) {
    }

    /**
     * A recorded session: member id, language, region, creation time (epoch ms), its rooms; for
     * staff its sign-in (else null); its check-ins (may be null: none) and what was left of its
     * allowances (may be null: whole).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parked(String member, String locale, String region, long createdAt,
            Map<String, ParkedRoom> rooms, StaffRecord staff, List<CheckIns.Carried> checkIns,
            Allowances.Left left) {
        /** A member's record (tests and older records): no staff sign-in, check-ins or allowances. */
        public Parked(String member, String locale, String region, long createdAt, Map<String, ParkedRoom> rooms) {
            this(member, locale, region, createdAt, rooms, null, null, null);
        }

        Parked withRooms(Map<String, ParkedRoom> other) {
            return new Parked(member, locale, region, createdAt, other, staff, checkIns, left);
        }
    }

    /**
     * What a resume token leads to in Redis: a record to resume ({@code parked}), or why not; for
     * a staff record the digest of its login token opened with the resume token ({@code credential},
     * else null); the events kept for a parked record ({@code kept}, oldest first).
     */
    public record Claim(RedisParking.Found found, Parked parked, String credential, List<KeptEvent> kept) {
        /** Whether another node has taken the session over (it is not to be resumed here). */
        public boolean takenElsewhere() {
            return found == RedisParking.Found.TAKEN;
        }
    }

    /** Events kept for one dropped session at most (as many as a session keeps by default and more). */
    static final int MOST_KEPT = 256;

    private final RedisParking parking;
    private final String nodeId;
    private final long windowMillis;
    private final long liveTtlMillis;
    private final ParkedText text = new ParkedText();
    /** The node's check-ins (recorded with each session), or null. */
    private volatile CheckIns checkIns;
    private volatile Consumer<String> onAdopted = m -> { };
    /** The Redis connection and the time (ms) of the last {@link #refresh}. */
    private volatile long refreshedOn = -1;
    private volatile long refreshedAt;

    /**
     * @param parking where the records are kept
     * @param nodeId this node's id (whose heartbeat tells when it was last alive)
     * @param windowMillis the resume window, ms
     */
    public ParkedSessions(RedisParking parking, String nodeId, long windowMillis) {
        this.parking = parking;
        this.nodeId = nodeId;
        this.windowMillis = windowMillis;
        this.liveTtlMillis = 3 * REFRESH_MS + windowMillis;
    }

    /**
     * Records each session's check-ins from now on ({@code c}'s changes rewrite the session's
     * record), so they follow it to another node.
     */
    public void carry(CheckIns c) {
        this.checkIns = c;
        c.onChange(this::changed);
    }

    /** Something recorded of {@code s} changed: its record is written again (live, or parked while dropped). */
    public void changed(Session s) {
        if (s.isDetached()) {
            park(s);
        } else {
            live(s);
        }
    }

    /**
     * Records {@code s}, connected here, under its current token (its rooms changed, it began, or
     * it is refreshed); nothing for an ended session. Best effort, in the order of the calls.
     */
    public void live(Session s) {
        synchronized (s) { // one order for the writes of one session, and none after its end
            String v = s.isExpired() ? null : text.record(s, checkIns, System.currentTimeMillis());
            if (v != null) {
                parking.putLive(s.tokenHash(), nodeId, v, liveTtlMillis);
            }
        }
    }

    /**
     * Rewrites the live records of {@code all} connected member sessions when they are due: every
     * {@link #REFRESH_MS}, and at once after a reconnect to Redis (it may have restarted empty).
     * Called often (e.g. every few seconds) on a scheduler thread; returns whether it rewrote.
     */
    public boolean refresh(Collection<Session> all, long nowMillis) {
        long link = parking.connection();
        if (link == refreshedOn && nowMillis - refreshedAt < REFRESH_MS) {
            return false;
        }
        refreshedOn = link;
        refreshedAt = nowMillis;
        for (Session s : all) {
            try {
                if (!s.isDetached()) {
                    live(s);
                }
            } catch (RuntimeException e) { // one session's record, never the schedule
                LOG.warn("a session record was not refreshed: {}", e.getClass().getSimpleName());
            }
        }
        return true;
    }

    /** Parks {@code s} (its connection just dropped) under its current resume token; best effort. */
    public void park(Session s) {
        synchronized (s) {
            String v = s.isExpired() ? null : text.record(s, checkIns, System.currentTimeMillis());
            if (v != null) {
                parking.park(s.tokenHash(), v, windowMillis);
            }
        }
    }

    /** {@code s} ended (the caller holds its lock, after marking it expired): its records go. */
    void forget(Session s) {
        parking.forget(s.tokenHash());
    }

    /**
     * {@code s}, dropped, kept {@code e} for its resume (under the session's lock): recorded too,
     * for a resume on another node, as the event the session would get (a notice as its sentence's
     * key and arguments, put into words where it is delivered). Best effort, never waits.
     */
    void kept(Session s, KeptEvent e) {
        try {
            parking.keep(s.tokenHash(), text.kept(e), MOST_KEPT, windowMillis);
        } catch (JsonProcessingException | RuntimeException x) {
            LOG.debug("a kept event was not recorded: {}", x.getClass().getSimpleName());
        }
    }

    /**
     * The events kept for {@code token}'s session (by the node that held it) since its record was
     * taken: asked once the session is seated again, for those that came meanwhile. Exceptionally
     * when Redis is unreachable.
     */
    public CompletionStage<List<KeptEvent>> keptSince(String token) {
        return parking.drain(Ids.hash(token)).thenApply(text::events);
    }

    /**
     * Takes the record of {@code token}. A live record's {@code seq}s are raised to what its node
     * had been sent by its last heartbeat (per the rooms' histories). Completes exceptionally
     * when Redis is unreachable.
     */
    public CompletionStage<Claim> take(String token) {
        return parking.take(Ids.hash(token), windowMillis).thenCompose(t -> switch (t.found()) {
            case PARKED -> CompletableFuture.completedFuture(claim(t, text.parked(t.value()), token));
            case LIVE -> caughtUp(text.parked(t.value()), t.seenAt()).thenApply(p -> claim(t, p, token));
            default -> CompletableFuture.completedFuture(new Claim(t.found(), null, null, List.of()));
        });
    }

    private Claim claim(RedisParking.Taken t, Parked p, String token) {
        String credential = p.staff() == null ? null : StaffSeal.open(p.staff().seal(), token);
        return new Claim(t.found(), p, credential, text.events(t.kept()));
    }

    private CompletionStage<Parked> caughtUp(Parked p, long seenAt) {
        if (seenAt <= 0 || p.rooms().isEmpty()) {
            return CompletableFuture.completedFuture(p); // from the joins on: more is replayed, nothing skipped
        }
        List<String> ids = new ArrayList<>(p.rooms().keySet());
        List<CompletableFuture<Long>> seqs = new ArrayList<>();
        for (String room : ids) {
            seqs.add(parking.seqAt(room, seenAt).toCompletableFuture());
        }
        return CompletableFuture.allOf(seqs.toArray(CompletableFuture[]::new)).thenApply(x -> {
            Map<String, ParkedRoom> rooms = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                ParkedRoom r = p.rooms().get(ids.get(i));
                rooms.put(ids.get(i), new ParkedRoom(r.nick(), Math.max(r.seq(), seqs.get(i).join())));
            }
            return p.withRooms(rooms);
        });
    }

    /** Whether another node took {@code s} over (its record is marked taken). Exceptionally when Redis is unreachable. */
    public CompletionStage<Boolean> takenElsewhere(Session s) {
        return parking.isTaken(s.tokenHash());
    }

    /** Runs {@code announce} with the member id of every session adopted here from a record (tells its old node). */
    public void onAdopted(Consumer<String> announce) {
        this.onAdopted = announce;
    }

    /** {@code memberId}'s session was adopted here (its {@code welcome} is sent). */
    public void adopted(String memberId) {
        onAdopted.accept(memberId);
    }
}
