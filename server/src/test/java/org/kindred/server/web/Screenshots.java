package org.kindred.server.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the browser tests save their screenshots: {@code server/target/screenshots/} on every run,
 * and the README's {@code docs/screenshots/} when run with {@code -Dkindred.updateScreenshots=true}
 * (so an ordinary test run never changes tracked files).
 */
final class Screenshots {
    static final String UPDATE = "kindred.updateScreenshots";

    private Screenshots() {
    }

    static Path file(String name) {
        if (Boolean.getBoolean(UPDATE)) {
            Path dir = Paths.get("").toAbsolutePath();
            while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
                dir = dir.getParent();
            }
            Path root = dir == null ? Paths.get("").toAbsolutePath() : dir;
            return root.resolve("docs").resolve("screenshots").resolve(name);
        }
        return Paths.get("target", "screenshots", name).toAbsolutePath();
    }
}
