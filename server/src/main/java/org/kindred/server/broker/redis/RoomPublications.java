package org.kindred.server.broker.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One room's publications on one node, for {@link Publisher}: how many are in flight, the round
 * they are sent in (see {@link PublishScript}'s halt) and, while the room waits for its floor,
 * the refused ones and those started since, in order. Thread-safe: publishing threads, Lettuce's
 * I/O thread (answers) and a store thread (the repair) share it.
 */
final class RoomPublications {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Publisher.Attempt> refused = new ArrayList<>();
    private final List<Publisher.Attempt> later = new ArrayList<>();
    private long round;
    private boolean repairing;
    private boolean needHistory;
    private long needUpTo;

    /** @param round the round its first publications are sent in */
    RoomPublications(long round) {
        this.round = round;
    }

    /**
     * What the room waits for.
     *
     * @param history whether a new history must begin (a floor read)
     * @param upTo the highest {@code seq} refused for the ceiling, 0 when none
     * @param queued how many publications wait
     */
    record Need(boolean history, long upTo, int queued) {
    }

    /**
     * A new publication: true when it is to be sent now (it is counted in flight and given the
     * round); false when it was queued behind the refused ones, to be sent with them.
     */
    synchronized boolean admit(Publisher.Attempt a) {
        if (repairing) {
            later.add(a);
            return false;
        }
        inFlight.incrementAndGet();
        a.round = round;
        return true;
    }

    /** A sent publication was answered (after {@link #refuse} queued a refused one). */
    void answered() {
        inFlight.decrementAndGet();
    }

    /**
     * Queues a refused publication in answer order.
     *
     * @param code the script's refusal: -1 no numbering, -2 above the ceiling, -3 behind a refused one
     * @param seq for -2, the {@code seq} it wanted
     * @return true when the caller must start the repair (none was under way)
     */
    synchronized boolean refuse(Publisher.Attempt a, long code, long seq) {
        refused.add(a);
        if (code == -1) {
            needHistory = true;
        } else if (code == -2) {
            needUpTo = Math.max(needUpTo, seq);
        } // -3: sent behind a refused one, which says what the room needs
        boolean start = !repairing;
        repairing = true;
        return start;
    }

    synchronized Need need() {
        return new Need(needHistory, needUpTo, refused.size() + later.size());
    }

    /**
     * Ends the repair: every waiting publication, refused ones first, is given round
     * {@code newRound} and handed to {@code send} in order, under the lock, so nothing started
     * meanwhile is sent before them.
     */
    synchronized void resend(long newRound, Consumer<Publisher.Attempt> send) {
        List<Publisher.Attempt> batch = takeAll(newRound);
        inFlight.addAndGet(batch.size());
        for (Publisher.Attempt a : batch) {
            a.round = newRound;
            send.accept(a);
        }
    }

    /** Ends the repair failing every waiting publication with {@code e}; later ones go in {@code newRound}. */
    void failAll(long newRound, Throwable e) {
        List<Publisher.Attempt> batch;
        synchronized (this) {
            batch = takeAll(newRound);
        }
        for (Publisher.Attempt a : batch) {
            a.result.completeExceptionally(e);
        }
    }

    private List<Publisher.Attempt> takeAll(long newRound) {
        List<Publisher.Attempt> batch = new ArrayList<>(refused);
        batch.addAll(later);
        refused.clear();
        later.clear();
        needHistory = false;
        needUpTo = 0;
        round = newRound; // above the halted one
        repairing = false;
        return batch;
    }

    /**
     * Waits (a store thread) until none is in flight, at most {@code nanos}: those sent before
     * the repair began answer within the command timeout, and later ones are queued.
     */
    void awaitAnswers(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
    }
}
