package org.kindred.server.broker;

/** The {@link Restrictions} contract, in memory. */
class MemoryRestrictionsTest extends RestrictionsContract {
    @Override
    protected Restrictions restrictions() {
        return new MemoryRestrictions();
    }
}
