package org.kindred.server.crisis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EscalationService} kept in memory (a durable store comes later). One lock guards all
 * state; listeners run under it, in order. Resolved escalations stay readable through
 * {@link #get} for a day (at most 10 000 of them), then are forgotten.
 */
public final class InMemoryEscalationService implements EscalationService {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryEscalationService.class);
    private static final Comparator<Escalation> QUEUE_ORDER = Comparator
            .comparing(Escalation::level, Comparator.reverseOrder())
            .thenComparingLong(Escalation::createdAt);

    private final Duration reannounceInterval;
    private final Clock clock;
    private final EscalationListener listener;
    private final Object lock = new Object();
    /** Active escalations by id, in opening order (ties in {@code createdAt} keep that order). */
    private final Map<String, Escalation> active = new LinkedHashMap<>();
    private final Map<String, String> activeByMember = new HashMap<>();
    private final Cache<String, Escalation> resolved = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofDays(1)).build();

    public InMemoryEscalationService(CrisisConfig config, Clock clock, EscalationListener listener) {
        this.reannounceInterval = Objects.requireNonNull(config, "config").reannounceInterval();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Escalation open(String room, String memberId, RiskLevel level, EscalationSource source, String excerpt) {
        require(room, "room");
        require(memberId, "member");
        if (level == null || source == null) {
            throw new EscalationException(EscalationException.Reason.INVALID,
                    "An escalation needs a level and a source (expected: e.g. high, keyword).");
        }
        String cut = cut(excerpt, MAX_EXCERPT);
        synchronized (lock) {
            long now = clock.millis();
            String key = memberKey(room, memberId);
            String existingId = activeByMember.get(key);
            if (existingId != null) {
                Escalation existing = active.get(existingId);
                if (level.compareTo(existing.level()) > 0) {
                    Escalation up = existing.withLevel(level, cut, now, true);
                    active.put(up.id(), up);
                    fire(EscalationEvent.Kind.UPGRADED, up, null);
                    return up;
                }
                fire(EscalationEvent.Kind.REPEATED, existing, null);
                return existing;
            }
            Escalation e = new Escalation(UUID.randomUUID().toString(), room, memberId, level, source, cut,
                    EscalationStatus.OPEN, null, now, now, now, null, null, null);
            active.put(e.id(), e);
            activeByMember.put(key, e.id());
            fire(EscalationEvent.Kind.OPENED, e, null);
            return e;
        }
    }

    @Override
    public Escalation claim(String id, String moderator) {
        require(id, "escalation");
        require(moderator, "moderator");
        synchronized (lock) {
            Escalation e = activeOrFail(id);
            if (e.status() == EscalationStatus.CLAIMED) {
                if (e.claimedBy().equals(moderator)) {
                    return e;
                }
                throw new EscalationException(EscalationException.Reason.CLAIMED_BY_OTHER,
                        "This escalation is already claimed by " + e.claimedBy() + ".");
            }
            Escalation c = e.claimed(moderator, clock.millis());
            active.put(id, c);
            fire(EscalationEvent.Kind.CLAIMED, c, moderator);
            return c;
        }
    }

    @Override
    public Escalation resolve(String id, String moderator, ResolveOutcome outcome, String note) {
        require(id, "escalation");
        require(moderator, "moderator");
        if (outcome == null) {
            throw new EscalationException(EscalationException.Reason.INVALID,
                    "Resolving needs an outcome (expected: handed_off, resolved or false_alarm).");
        }
        synchronized (lock) {
            Escalation e = activeOrFail(id);
            Escalation r = e.resolved(moderator, outcome, cut(note, MAX_NOTE), clock.millis());
            active.remove(id);
            activeByMember.remove(memberKey(e.room(), e.member()));
            resolved.put(id, r);
            fire(EscalationEvent.Kind.RESOLVED, r, moderator);
            return r;
        }
    }

    @Override
    public Optional<Escalation> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        synchronized (lock) {
            Escalation e = active.get(id);
            return Optional.ofNullable(e != null ? e : resolved.getIfPresent(id));
        }
    }

    @Override
    public Optional<Escalation> activeFor(String room, String memberId) {
        synchronized (lock) {
            String id = activeByMember.get(memberKey(room, memberId));
            return Optional.ofNullable(id == null ? null : active.get(id));
        }
    }

    @Override
    public List<Escalation> open() {
        synchronized (lock) {
            List<Escalation> out = new ArrayList<>(active.values());
            out.sort(QUEUE_ORDER);
            return List.copyOf(out);
        }
    }

    @Override
    public int reannounceDue() {
        synchronized (lock) {
            long now = clock.millis();
            int count = 0;
            for (Escalation e : List.copyOf(active.values())) {
                if (e.status() == EscalationStatus.OPEN && e.level() == RiskLevel.IMMINENT
                        && now - e.lastAnnouncedAt() >= reannounceInterval.toMillis()) {
                    Escalation a = e.announced(now);
                    active.put(a.id(), a);
                    fire(EscalationEvent.Kind.REANNOUNCED, a, null);
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * Runs {@link #reannounceDue} on the given scheduler, checking ten times per interval so that a
     * re-announcement is at most a tenth of the interval late. Cancel the returned future to stop.
     */
    public ScheduledFuture<?> scheduleReannouncements(ScheduledExecutorService scheduler) {
        long period = Math.max(1000, reannounceInterval.toMillis() / 10);
        return scheduler.scheduleAtFixedRate(() -> {
            try {
                reannounceDue();
            } catch (RuntimeException e) {
                LOG.error("Re-announcing escalations failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    private Escalation activeOrFail(String id) {
        Escalation e = active.get(id);
        if (e != null) {
            return e;
        }
        if (resolved.getIfPresent(id) != null) {
            throw new EscalationException(EscalationException.Reason.ALREADY_RESOLVED,
                    "This escalation has already been resolved.");
        }
        throw new EscalationException(EscalationException.Reason.NOT_FOUND, "There is no such escalation.");
    }

    private void fire(EscalationEvent.Kind kind, Escalation e, String actor) {
        try {
            listener.onEscalation(new EscalationEvent(kind, e, actor));
        } catch (RuntimeException ex) {
            LOG.error("Escalation listener failed on {} of escalation {}", kind, e.id(), ex);
        }
    }

    private static String memberKey(String room, String member) {
        return room + '\u0000' + member;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new EscalationException(EscalationException.Reason.INVALID,
                    "The " + field + " is missing (expected: a non-empty identifier).");
        }
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() <= max) {
            return t;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end) + "…";
    }
}
