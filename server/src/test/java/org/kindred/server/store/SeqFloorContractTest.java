package org.kindred.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rooms' numbering floors ({@link SeqFloorStore}) as every {@link Store} keeps them: read
 * back, only ever raised, durable across a reopen, and raised by several nodes at once without
 * losing the highest value. Several nodes are several store instances on the same data.
 */
public abstract class SeqFloorContractTest {
    protected static final StoreConfig CONFIG = new StoreConfig(Duration.ofDays(30),
            Duration.ofDays(20), Duration.ofDays(10), Duration.ofDays(365));

    protected Store store;
    private final List<Store> others = new ArrayList<>();

    /** A store on fresh, empty data. Called once per test. */
    protected abstract Store openFresh(StoreConfig config);

    /** Another store instance on the same data as the last {@link #openFresh}, open at the same time. */
    protected abstract Store reopen(StoreConfig config);

    @BeforeEach
    void setUp() {
        store = openFresh(CONFIG);
    }

    @AfterEach
    void tearDown() {
        others.forEach(Store::close);
        if (store != null) {
            store.close();
        }
    }

    private Store node() {
        Store s = reopen(CONFIG);
        others.add(s);
        return s;
    }

    @Test
    void aRoomWithoutAFloorHasZeroAndRaisedFloorsAreReadBack() {
        SeqFloorStore f = store.seqFloors();
        assertEquals(0, f.floor("calm"));
        f.raise(Map.of("calm", 1000L, "grief", 50L));
        assertEquals(1000, f.floor("calm"));
        assertEquals(50, f.floor("grief"));
        assertEquals(0, f.floor("other"), "rooms are apart");
        assertEquals(Map.of("calm", 1000L, "grief", 50L), f.all(), "all of them at once");
        f.raise(Map.of("calm", 900L, "grief", 51L));
        assertEquals(Map.of("calm", 1000L, "grief", 51L), node().seqFloors().all(), "as every node reads them");
    }

    @Test
    void aFloorNeverGoesDown() {
        SeqFloorStore f = store.seqFloors();
        f.raise(Map.of("calm", 2000L));
        f.raise(Map.of("calm", 1500L, "grief", 7L));
        assertEquals(2000, f.floor("calm"), "a lower value (a late, stale batch) leaves the floor where it is");
        assertEquals(7, f.floor("grief"), "the rest of the batch is applied");
        f.raise(Map.of("calm", 2001L));
        assertEquals(2001, f.floor("calm"));
        f.raise(Map.of());
        assertEquals(2001, f.floor("calm"));
    }

    @Test
    void aNegativeFloorIsRefusedAndChangesNothing() {
        SeqFloorStore f = store.seqFloors();
        f.raise(Map.of("calm", 10L));
        assertThrows(IllegalArgumentException.class, () -> f.raise(Map.of("calm", 20L, "grief", -1L)));
        assertEquals(10, f.floor("calm"), "all or nothing");
    }

    @Test
    void floorsAreDurableAcrossAReopen() {
        store.seqFloors().raise(Map.of("calm", 4242L));
        store.close();
        store = reopen(CONFIG);
        assertEquals(4242, store.seqFloors().floor("calm"));
    }

    @Test
    void severalNodesRaisingAtOnceLeaveTheHighestValue() throws Exception {
        List<Store> nodes = List.of(store, node(), node());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                SeqFloorStore f = nodes.get(t % nodes.size()).seqFloors();
                int from = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        long v = (from * 40L + i) * 10;
                        f.raise(Map.of("calm", v, "grief", 5_000L - v));
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Store s : nodes) {
            assertEquals((5 * 40L + 39) * 10, s.seqFloors().floor("calm"));
            assertEquals(5_000L, s.seqFloors().floor("grief"));
        }
    }
}
