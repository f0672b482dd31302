package org.kindred.server.broker;

import java.util.List;
import java.util.Optional;
import org.kindred.protocol.ServerMessage;

/** The {@link Broker} contract, in memory. */
class MemoryBrokerTest extends BrokerContract {
    private History history;

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
