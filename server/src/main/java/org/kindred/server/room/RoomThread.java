package org.kindred.server.room;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A room's thread: the executor that owns the room's state and runs its work one task at a time, in the
 * order given (an event loop for rooms in memory, a serial worker when the room's engines do network I/O).
 * {@link #call} turns a task with a result into a future completed on that thread. Thread-safe.
 */
final class RoomThread {
    private final Executor executor;

    /** @param executor runs the room's tasks one at a time, in order (not checked) */
    RoomThread(Executor executor) {
        this.executor = executor;
    }

    /** The executor itself (tests). */
    Executor executor() {
        return executor;
    }

    /** Runs {@code task} on the room's thread, after the tasks given before. */
    void execute(Runnable task) {
        executor.execute(task);
    }

    /**
     * Runs {@code work} on the room's thread: the future completes there with its result, or exceptionally
     * with what it threw (an {@link Error} too).
     */
    <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
