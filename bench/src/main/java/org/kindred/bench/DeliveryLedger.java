package org.kindred.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every publish and every delivery and checks order: each receiver must see its room's
 * {@code seq} strictly increasing (Kindred) and each publisher's own sequence strictly increasing
 * with no gaps (every server); at the end every published message must have reached every member
 * of its room, the sender included. A {@link Receiver} is confined to its connection's event loop;
 * {@link #totals()} is read once the event loops have stopped.
 */
public final class DeliveryLedger {
    private final int[] roomSize;
    private final AtomicLongArray published;
    private final LongAdder delivered = new LongAdder();
    private final List<Receiver> receivers = Collections.synchronizedList(new ArrayList<>());

    public DeliveryLedger(int[] roomSize) {
        this.roomSize = roomSize.clone();
        this.published = new AtomicLongArray(roomSize.length);
    }

    /** A receiver in {@code room} whose publishers are members {@code firstMember .. firstMember+size-1}. */
    public Receiver receiver(int room, int firstMember) {
        Receiver r = new Receiver(room, firstMember, roomSize[room], delivered);
        receivers.add(r);
        return r;
    }

    /** Records that one message was published to {@code room}. */
    public void published(int room) {
        published.incrementAndGet(room);
    }

    /** Deliveries so far, any thread (for rate windows). */
    public long deliveredSoFar() {
        return delivered.sum();
    }

    /** Deliveries expected so far: each published message times the size of its room. */
    public long expectedSoFar() {
        long e = 0;
        for (int i = 0; i < roomSize.length; i++) {
            e += published.get(i) * roomSize[i];
        }
        return e;
    }

    public Totals totals() {
        long got = 0;
        long reordered = 0;
        long duplicates = 0;
        long gaps = 0;
        long misrouted = 0;
        synchronized (receivers) {
            for (Receiver r : receivers) {
                got += r.received;
                reordered += r.reordered;
                duplicates += r.duplicates;
                gaps += r.gaps;
                misrouted += r.misrouted;
            }
        }
        long publishedTotal = 0;
        for (int i = 0; i < roomSize.length; i++) {
            publishedTotal += published.get(i);
        }
        long expected = expectedSoFar();
        return new Totals(publishedTotal, expected, got, Math.max(0, expected - got), gaps, reordered, duplicates,
                misrouted);
    }

    /** The outcome of a run; {@link #clean()} must be true. */
    public record Totals(long published, long expected, long delivered, long missing, long gaps, long reordered,
            long duplicates, long misrouted) {
        public boolean clean() {
            return missing == 0 && gaps == 0 && reordered == 0 && duplicates == 0 && misrouted == 0
                    && delivered == expected;
        }
    }

    /** One member's view; used only on its connection's thread. */
    public static final class Receiver {
        final int room;
        private final int firstMember;
        private final long[] lastPseq;
        private final LongAdder sharedDelivered;
        private long lastSeq = -1;
        long received;
        long reordered;
        long duplicates;
        long gaps;
        long misrouted;

        Receiver(int room, int firstMember, int size, LongAdder sharedDelivered) {
            this.room = room;
            this.firstMember = firstMember;
            this.lastPseq = new long[size];
            java.util.Arrays.fill(lastPseq, -1);
            this.sharedDelivered = sharedDelivered;
        }

        /**
         * @param roomSeq the room's sequence number, or -1 where the server has none (raw broadcast)
         * @param publisher global member index of the sender
         * @param pseq the sender's own sequence number, from 0
         */
        public void onDelivery(long roomSeq, int publisher, long pseq) {
            received++;
            sharedDelivered.increment();
            if (roomSeq >= 0) {
                if (roomSeq <= lastSeq) {
                    reordered++;
                } else {
                    lastSeq = roomSeq;
                }
            }
            int slot = publisher - firstMember;
            if (slot < 0 || slot >= lastPseq.length) {
                misrouted++;
                return;
            }
            long last = lastPseq[slot];
            if (pseq == last) {
                duplicates++;
            } else if (pseq < last) {
                reordered++;
            } else {
                gaps += pseq - last - 1;
                lastPseq[slot] = pseq;
            }
        }

        public long received() {
            return received;
        }
    }
}
