-- Kindred store, schema version 4: per room, a floor at or above every message number (seq) the
-- room ever used. Nodes reserve blocks of numbers here before using them, so numbering never goes
-- backwards when Redis (memory only) and every node restart. No message content.

CREATE TABLE room_seq (
    room      TEXT   NOT NULL PRIMARY KEY,
    floor_seq BIGINT NOT NULL
);
