package org.kindred.server.session;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.common.Ids;
import org.kindred.server.common.Timer;
import org.kindred.server.session.CheckInBook.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up check-ins a member asked for ("Check in on me later"). They live with the session,
 * in memory only: planned with {@link #plan}, they come due on the {@link Timer}; a due check-in
 * is sent as a {@code checkin} event {@code {checkin, text}} at once when the session is
 * connected, or when it resumes ({@link #resumed}) if it is not; it stays answerable
 * ({@link #answer}) or cancellable ({@link #cancel}) until then. When the session ends
 * ({@link #ended}) every one of its check-ins goes, timers included.
 *
 * <p>Thread-safe; nothing here blocks: requests call in on event loops, due check-ins come on the
 * timer's thread, and events go out through {@link Session#deliver(ServerMessage)} (the
 * connection's own event loop writes them). Nothing about a check-in is stored or logged but its
 * id and the member id.
 */
public final class CheckIns {
    private static final Logger LOG = LoggerFactory.getLogger(CheckIns.class);
    /** Check-ins a session may have planned and not yet due, by default. */
    public static final int DEFAULT_MAX_PLANNED = 3;
    /** Asked and unanswered check-ins kept per session; older ones are forgotten. */
    static final int MAX_ASKED = 3;

    private final Timer timer;
    private final Function<String, String> question;
    private final int maxPlanned;
    private final Map<String, CheckInBook> books = new ConcurrentHashMap<>();
    private volatile java.util.function.LongSupplier clock = System::currentTimeMillis;
    private volatile java.util.function.Consumer<Session> changed = s -> { };

    /**
     * @param timer runs due check-ins (one task per planned check-in)
     * @param question the question's text for a session's locale (may be given {@code null}); never null
     * @param maxPlanned how many check-ins a session may have planned and not yet due (1 or more)
     */
    public CheckIns(Timer timer, Function<String, String> question, int maxPlanned) {
        if (maxPlanned < 1) {
            throw new IllegalArgumentException("maxPlanned: " + maxPlanned + " (expected: 1 or more)");
        }
        this.timer = Objects.requireNonNull(timer, "timer");
        this.question = Objects.requireNonNull(question, "question");
        this.maxPlanned = maxPlanned;
    }

    /** Where a check-in stands. */
    public enum State {
        /** Planned; its time has not come. */
        PLANNED,
        /** Its time came while the session was not connected: sent when it resumes. */
        DUE,
        /** The question was sent; waiting for an answer. */
        ASKED
    }

    /**
     * One check-in as a record carries it to another node: its id, state and when it comes due
     * (epoch ms, this node's clock; meaningful while {@link State#PLANNED}).
     */
    public record Carried(String id, State state, long dueAt) {
    }

    /** Runs {@code listener} (quick, any thread) after every change of a session's check-ins (to record them). */
    public void onChange(java.util.function.Consumer<Session> listener) {
        this.changed = Objects.requireNonNull(listener, "listener");
    }

    /** The wall clock (epoch ms) due times are carried in; {@link System#currentTimeMillis} unless a test sets one. */
    public void clock(java.util.function.LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The check-ins of {@code s}, oldest first, as a record carries them. */
    public List<Carried> carried(Session s) {
        CheckInBook book = books.get(s.memberId());
        if (book == null) {
            return List.of();
        }
        synchronized (book) {
            return book.carried();
        }
    }

    /**
     * {@code s} was resumed here from another node's record with {@code carried} check-ins (null:
     * none): they become this node's, a planned one due at its time (due at once when that passed:
     * asked by {@link #resumed}), an asked one still answerable. Replaces what this node had for it.
     */
    public void restore(Session s, List<Carried> carried) {
        ended(s);
        if (carried == null || carried.isEmpty() || s.isExpired()) {
            return;
        }
        CheckInBook book = books.computeIfAbsent(s.memberId(), k -> new CheckInBook());
        long now = clock.getAsLong();
        synchronized (book) {
            for (Carried c : carried) {
                if (c == null || c.id() == null || c.state() == null) {
                    continue;
                }
                Entry e = new Entry(c.id(), c.dueAt());
                e.state = c.state() == State.PLANNED && c.dueAt() <= now ? State.DUE : c.state();
                book.add(e);
                if (e.state == State.PLANNED) {
                    e.task = timer.schedule(c.dueAt() - now, () -> due(s, book, e.id));
                }
            }
        }
    }

    /** Check-ins a session may have planned and not yet due. */
    public int maxPlanned() {
        return maxPlanned;
    }

    /**
     * Plans a check-in for {@code s} in {@code delayMs} milliseconds.
     *
     * @return the new check-in's id (an identifier such as {@code chk_…}); empty when the session
     *         already has {@link #maxPlanned()} check-ins planned, or has ended
     */
    public Optional<String> plan(Session s, long delayMs) {
        if (s.isExpired()) {
            return Optional.empty();
        }
        CheckInBook book = books.computeIfAbsent(s.memberId(), k -> new CheckInBook());
        Entry e;
        synchronized (book) {
            if (book.count(State.PLANNED) >= maxPlanned) {
                return Optional.empty();
            }
            e = new Entry(Ids.newId("chk"), clock.getAsLong() + delayMs);
            book.add(e);
            e.task = timer.schedule(delayMs, () -> due(s, book, e.id));
        }
        if (s.isExpired()) { // ended while we planned: leave nothing behind
            ended(s);
            return Optional.empty();
        }
        changed.accept(s);
        LOG.debug("checkin planned member={} checkin={}", s.memberId(), e.id);
        return Optional.of(e.id);
    }

    /** Withdraws a check-in of {@code s} in any state; false when it has none of that id. */
    public boolean cancel(Session s, String checkinId) {
        return remove(s, checkinId).isPresent();
    }


    /**
     * Takes the answer to a check-in of {@code s}: the check-in is done (a planned one is not asked
     * any more). Returns the state it was in, or empty when {@code s} has no check-in of that id
     * (unknown, another session's, already answered or cancelled).
     */
    public Optional<State> answer(Session s, String checkinId) {
        return remove(s, checkinId);
    }

    /** The session resumed on a new connection: sends every check-in that came due meanwhile. */
    public void resumed(Session s) {
        CheckInBook book = books.get(s.memberId());
        if (book == null) {
            return;
        }
        boolean asked = false;
        synchronized (book) {
            for (Entry e : book.in(State.DUE)) {
                ask(s, book, e);
                asked = true;
            }
        }
        if (asked) {
            changed.accept(s);
        }
    }

    /** The session ended (its resume window closed, or it was ended): forgets its check-ins. */
    public void ended(Session s) {
        CheckInBook book = books.remove(s.memberId());
        if (book == null) {
            return;
        }
        synchronized (book) {
            book.clear();
        }
    }

    /** The states of the check-ins {@code s} has, oldest first (for tests and operations). */
    public List<State> states(Session s) {
        CheckInBook book = books.get(s.memberId());
        if (book == null) {
            return List.of();
        }
        synchronized (book) {
            return book.states();
        }
    }

    /** Sessions with at least one check-in (a gauge). */
    public int sessions() {
        return books.size();
    }

    private void due(Session s, CheckInBook book, String id) {
        if (s.isExpired()) {
            ended(s);
            return;
        }
        synchronized (book) {
            Entry e = book.get(id);
            if (e == null || e.state != State.PLANNED) {
                return; // cancelled or answered meanwhile
            }
            org.kindred.server.transport.Outbound c = s.connection();
            if (c == null || !c.isOpen()) { // away, or its connection is closing: ask when it resumes
                e.state = State.DUE;
                LOG.debug("checkin due while away member={} checkin={}", s.memberId(), id);
            } else {
                ask(s, book, e);
            }
        }
        changed.accept(s);
    }

    /** Sends the question; the caller holds the book's lock. */
    private void ask(Session s, CheckInBook book, Entry e) {
        e.state = State.ASKED;
        s.deliver(new ServerMessage.CheckIn(e.id, question.apply(s.locale())));
        LOG.info("checkin asked member={} checkin={}", s.memberId(), e.id);
        book.forgetOldestAskedBeyond(MAX_ASKED); // the oldest unanswered question is forgotten
    }

    private Optional<State> remove(Session s, String id) {
        CheckInBook book = books.get(s.memberId());
        if (book == null || id == null) {
            return Optional.empty();
        }
        State state;
        synchronized (book) {
            state = book.remove(id);
            if (state == null) {
                return Optional.empty();
            }
        }
        changed.accept(s);
        return Optional.of(state);
    }
}
