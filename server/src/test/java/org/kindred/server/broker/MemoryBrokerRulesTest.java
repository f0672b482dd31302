package org.kindred.server.broker;

/** The checked-post contract in memory: rules checked under the room's lock, in the numbering step. */
class MemoryBrokerRulesTest extends BrokerRulesContract {
    @Override
    protected Broker broker() {
        return new MemoryBroker(new MemoryHistory(1000, 60_000));
    }
}
