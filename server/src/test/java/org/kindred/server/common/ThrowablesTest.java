package org.kindred.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ThrowablesTest {

    @Test
    void theChainRunsFromTheOutermostToTheRootCause() {
        IOException root = new IOException("disk");
        UncheckedIOException middle = new UncheckedIOException(root);
        CompletionException outer = new CompletionException(middle);
        assertEquals(List.of(outer, middle, root), Throwables.chain(outer));
        assertSame(root, Throwables.rootCause(outer));
        assertSame(root, Throwables.rootCause(root), "no cause: itself");
    }

    @Test
    void findGivesTheOutermostOfAType() {
        IllegalArgumentException inner = new IllegalArgumentException("inner");
        IllegalArgumentException outer = new IllegalArgumentException("outer", new RuntimeException(inner));
        assertSame(outer, Throwables.find(new RuntimeException(outer), IllegalArgumentException.class).get());
        assertTrue(Throwables.find(outer, IOException.class).isEmpty());
    }

    @Test
    void aLoopOfCausesEndsTheWalk() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b); // a → b → a
        assertEquals(List.of(a, b), Throwables.chain(a));
        assertSame(b, Throwables.rootCause(a));
    }
}
