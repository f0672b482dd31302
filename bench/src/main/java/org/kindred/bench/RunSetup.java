package org.kindred.bench;

import org.HdrHistogram.Recorder;

/**
 * What one run of the generator works with: its options, the protocol it speaks, the shape of
 * the load (rooms × room size members, messages per burst), the server side it measures, and the
 * thread-safe parts that the members, the publisher and the results share (the delivery ledger,
 * the end-to-end latency recorder and the run's counters).
 *
 * @param options the command line
 * @param kindred true to speak PROTOCOL.md ({@code --mode kindred}, the default), false for raw broadcast
 * @param rooms how many rooms ({@code --rooms}, default 10)
 * @param roomSize members per room ({@code --room-size}, default 100)
 * @param burst messages released together to one room ({@code --burst}, default 1: smooth; at least 1)
 * @param side the server's nodes and processes ({@code --url}, {@code --server-pid})
 * @param ledger what was published to and delivered in each room
 * @param latency end-to-end latency of every delivery, ns
 * @param state the measured window and the counters of trouble
 */
record RunSetup(Options options, boolean kindred, int rooms, int roomSize, int burst, ServerSide side,
        DeliveryLedger ledger, Recorder latency, RunState state) {

    /**
     * Reads the run from {@code o}.
     *
     * @throws IllegalArgumentException when {@code --burst} is below 1, {@code --url} is missing,
     *         or the URLs and process ids do not parse
     */
    static RunSetup from(Options o) {
        boolean kindred = o.str("mode", "kindred").equals("kindred");
        int rooms = o.integer("rooms", 10);
        int roomSize = o.integer("room-size", 100);
        int burst = o.integer("burst", 1);
        if (burst < 1) {
            throw new IllegalArgumentException("--burst must be at least 1");
        }
        ServerSide side = ServerSide.parse(o.required("url"), o.str("server-pid", null));
        int[] sizes = new int[rooms];
        java.util.Arrays.fill(sizes, roomSize);
        return new RunSetup(o, kindred, rooms, roomSize, burst, side, new DeliveryLedger(sizes),
                new Recorder(60_000_000_000L, 3), new RunState());
    }

    /** How many members the run opens: rooms × room size. */
    int members() {
        return rooms * roomSize;
    }
}
