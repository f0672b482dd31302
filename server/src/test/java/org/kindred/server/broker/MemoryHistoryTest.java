package org.kindred.server.broker;

/** The {@link History} contract, in memory. */
class MemoryHistoryTest extends HistoryContract {
    @Override
    protected History history() {
        return new MemoryHistory(SIZE, AGE_MS);
    }

    @Override
    protected History keepingNothing() {
        return new MemoryHistory(0, AGE_MS);
    }
}
