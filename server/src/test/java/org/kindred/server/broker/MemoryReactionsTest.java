package org.kindred.server.broker;

/** The {@link Reactions} contract, in memory. */
class MemoryReactionsTest extends ReactionsContract {
    @Override
    protected History history() {
        return new MemoryHistory(SIZE, AGE_MS);
    }

    @Override
    protected Reactions reactions(History history) {
        return new MemoryReactions(history);
    }
}
