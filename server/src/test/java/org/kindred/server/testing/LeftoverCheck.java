package org.kindred.server.testing;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves behind, under the temporary directory, a file or directory its
 * fixtures made through {@link TempPaths}: each such path still there once the class's
 * {@code @AfterAll} methods ran is named (file name only), removed, and the class fails. Every test
 * class of the module runs with it: {@code src/test/resources/junit-platform.properties} turns on
 * JUnit's extension auto-detection, and {@code META-INF/services/org.junit.jupiter.api.extension.Extension}
 * names this class.
 */
public final class LeftoverCheck implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeftoverCheck.class);

    /** Notes where {@link TempPaths} stands as the class begins. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("mark", TempPaths.mark());
    }

    /**
     * Removes what the class left and fails it when it left anything.
     *
     * @throws AssertionError naming the paths that were left
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Long mark = context.getStore(NS).get("mark", Long.class);
        if (mark == null) {
            return;
        }
        List<Path> left = TempPaths.leftSince(mark);
        if (left.isEmpty()) {
            return;
        }
        List<String> names = left.stream().map(p -> p.getFileName().toString()).toList();
        for (Path p : left) {
            TempPaths.delete(p);
        }
        throw new AssertionError(context.getDisplayName() + " left " + left.size()
                + " temporary path(s) behind (removed now): " + names);
    }
}
