package org.kindred.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.store.Ban;
import org.kindred.server.store.StoreConfig;

/**
 * A ban acknowledged by the store survives SIGKILL of the process that recorded it.
 *
 * <p>What this proves and what it cannot: SIGKILL loses whatever is only in the process
 * (buffers, a write-behind queue, an uncommitted transaction), so a store that acknowledged
 * before committing fails here. Data written to the OS page cache survives SIGKILL even
 * without fsync; protection against power loss rests on {@code synchronous=FULL}, which
 * {@link SqliteStoreContractTest#usesWalWithFullSyncAndForeignKeys} checks.
 */
class SqliteHardKillTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void anAcknowledgedBanSurvivesKillDashNine() throws Exception {
        Path dataDir = tmp.resolve("data");
        String member = "member-" + System.nanoTime();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), SqliteHardKillChild.class.getName(),
                dataDir.toString(), member))
                .redirectErrorStream(true)
                .start();
        String banId = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    banId = line.substring(4).trim();
                    break;
                }
            }
            assertNotNull(banId, "the child never acknowledged the ban");
            assertTrue(child.isAlive(), "the child must still be running when it is killed");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");

        try (SqliteStore store = SqliteStore.open(dataDir, StoreConfig.defaults())) {
            Ban ban = store.bans().find(banId).orElseThrow(() -> new AssertionError("ban lost"));
            assertEquals(member, ban.memberId());
            long now = System.currentTimeMillis();
            assertEquals(banId, store.bans().activeFor(member, null, now).orElseThrow().id());
            assertEquals(banId, store.bans().activeFor(null, "fp-" + member, now).orElseThrow().id());
            assertFalse(store.bans().activeFor("someone-else", "fp-other", now).isPresent());
        }
    }
}
