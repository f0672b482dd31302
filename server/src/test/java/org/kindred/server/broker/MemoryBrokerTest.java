package org.kindred.server.broker;

import java.util.List;
import java.util.Optional;
import org.kindred.protocol.ServerMessage;

/** The {@link Broker} contract, in memory. */
class MemoryBrokerTest extends BrokerContract {
    private History history;

    @org.junit.jupiter.api.Test
    void aRequestIsForgottenAfterTheWindowByTheMessagesClock() throws Exception {
        Broker b = broker();
        long t0 = 1_000_000;
        assertEquals(1, b.publish("calm", ANN, "m_1", "hi", t0, "u_1\ns", m -> { }).toCompletableFuture().get().seq());
        assertEquals(1, b.publish("calm", ANN, "m_2", "hi", t0 + Broker.REQUEST_WINDOW_MS - 1, "u_1\ns", m -> { })
                .toCompletableFuture().get().seq(), "within the window: a retry");
        assertEquals(2, b.publish("calm", ANN, "m_3", "hi", t0 + Broker.REQUEST_WINDOW_MS, "u_1\ns", m -> { })
                .toCompletableFuture().get().seq(), "after it: a new message");
    }

    private static final org.kindred.protocol.MemberInfo ANN = new org.kindred.protocol.MemberInfo("u_1", "Ann",
            org.kindred.protocol.Role.MEMBER);

    private static void assertEquals(long expected, long actual, String... why) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, why.length == 0 ? null : why[0]);
    }

    @Override
    protected Broker broker() {
        history = new MemoryHistory(1000, 60_000);
        return new MemoryBroker(history);
    }

    @Override
    protected History history() {
        return history;
    }

    @Override
    protected Broker brokerWhoseStoreFails() {
        return new MemoryBroker(new FailingHistory());
    }

    /** A history whose every write fails. */
    private static final class FailingHistory implements History {
        @Override
        public void append(String room, ServerMessage.Message message) {
            throw new IllegalStateException("store down");
        }

        @Override
        public List<ServerMessage.Message> recent(String room, long now) {
            return List.of();
        }

        @Override
        public Optional<ServerMessage.Message> find(String room, String msg, long now) {
            return Optional.empty();
        }

        @Override
        public boolean remove(String room, String msg) {
            return false;
        }

        @Override
        public int size(String room) {
            return 0;
        }

        @Override
        public void clear(String room) {
        }
    }
}
