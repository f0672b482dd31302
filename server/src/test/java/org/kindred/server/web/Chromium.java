package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Where Debian's Chromium and chromedriver live ({@code apt-get install chromium chromium-driver}).
 * Without them the browser tests are skipped with a reason, except in CI ({@code CI=true})
 * where a missing browser is a failure.
 */
final class Chromium {
    static final Path BROWSER = Paths.get(env("KINDRED_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Paths.get(env("KINDRED_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    static void require() {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (present) {
            return;
        }
        String why = "Chromium browser tests need " + BROWSER + " and " + DRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(why + "; skipped because they are absent");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
