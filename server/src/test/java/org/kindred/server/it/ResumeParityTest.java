package org.kindred.server.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link ResumeParityContract} on one node in memory: the resume every other one must equal. */
class ResumeParityTest extends ResumeParityContract {
    private TestServer node;

    @BeforeEach
    void start() throws Exception {
        node = TestServer.single(b -> b, "{}", setup());
        started(node);
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Override
    TestServer first() {
        return node;
    }

    @Override
    TestServer second() {
        return node;
    }

    @Override
    void awaitParked(String token) {
        // the node holds the dropped session itself
    }
}
