package org.kindred.server.store.jdbc;

import java.util.Map;
import java.util.TreeMap;
import org.kindred.server.store.SeqFloorStore;

/** {@link SeqFloorStore} in table {@code room_seq}: one upsert per room that keeps the larger value. */
final class JdbcSeqFloorStore implements SeqFloorStore {
    private final Db db;

    JdbcSeqFloorStore(Db db) {
        this.db = db;
    }

    @Override
    public long floor(String room) {
        return db.call(d -> d.queryOne("SELECT floor_seq FROM room_seq WHERE room = ?", rs -> rs.getLong(1), room))
                .orElse(0L);
    }

    @Override
    public Map<String, Long> all() {
        Map<String, Long> out = new java.util.HashMap<>();
        db.call(d -> d.query("SELECT room, floor_seq FROM room_seq", rs -> Map.entry(rs.getString(1), rs.getLong(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void raise(Map<String, Long> floors) {
        Map<String, Long> sorted = new TreeMap<>(floors); // one lock order for concurrent batches
        sorted.forEach((room, floor) -> {
            if (floor == null || floor < 0) {
                throw new IllegalArgumentException("floor of a room: " + floor + " (expected: >= 0)");
            }
        });
        if (sorted.isEmpty()) {
            return;
        }
        db.transaction(d -> {
            for (Map.Entry<String, Long> e : sorted.entrySet()) {
                d.update("INSERT INTO room_seq (room, floor_seq) VALUES (?, ?) ON CONFLICT (room) DO UPDATE SET"
                        + " floor_seq = CASE WHEN excluded.floor_seq > room_seq.floor_seq THEN excluded.floor_seq"
                        + " ELSE room_seq.floor_seq END", e.getKey(), e.getValue());
            }
            return null;
        });
    }
}
