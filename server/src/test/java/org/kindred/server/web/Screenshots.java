package org.kindred.server.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** docs/screenshots of the repository, found from the test's working directory. */
final class Screenshots {
    private Screenshots() {
    }

    static Path file(String name) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        Path root = dir == null ? Paths.get("").toAbsolutePath() : dir;
        return root.resolve("docs").resolve("screenshots").resolve(name);
    }
}
