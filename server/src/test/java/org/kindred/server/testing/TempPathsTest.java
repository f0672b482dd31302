package org.kindred.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link TempPaths} reports as left behind, which {@link LeftoverCheck} fails a test class for. */
class TempPathsTest {

    @Test
    void aDirectoryOrFileMadeSinceTheMarkIsReportedUntilItIsDeleted() throws Exception {
        long mark = TempPaths.mark();
        Path dir = TempPaths.directory("kindred-temppaths");
        Path file = TempPaths.file("kindred-temppaths", ".txt");
        try {
            Files.writeString(dir.resolve("inside.txt"), "x");
            assertEquals(List.of(dir.toAbsolutePath(), file.toAbsolutePath()), TempPaths.leftSince(mark));
            assertEquals(List.of(file.toAbsolutePath()), TempPaths.leftSince(mark + 1), "only what came after the mark");

            TempPaths.delete(dir);
            assertFalse(Files.exists(dir), "the directory and what is in it are gone");
            assertEquals(List.of(file.toAbsolutePath()), TempPaths.leftSince(mark));
            Files.delete(file); // removed by other means counts as well
            assertEquals(List.of(), TempPaths.leftSince(mark));
        } finally {
            TempPaths.delete(dir);
            TempPaths.delete(file);
        }
    }

    @Test
    void whatLivesWithTheJvmIsNotReported() throws Exception {
        long mark = TempPaths.mark();
        Path shared = TempPaths.directory("kindred-temppaths");
        try {
            assertEquals(List.of(shared.toAbsolutePath()), TempPaths.leftSince(mark));
            TempPaths.livesWithTheJvm(shared);
            assertTrue(Files.isDirectory(shared));
            assertEquals(List.of(), TempPaths.leftSince(mark));
        } finally {
            TempPaths.delete(shared);
        }
    }

    @Test
    void deleteDoesNotFollowALinkOutOfTheDirectory() throws Exception {
        Path outside = TempPaths.directory("kindred-temppaths");
        Path dir = TempPaths.directory("kindred-temppaths");
        try {
            Path kept = Files.writeString(outside.resolve("kept.txt"), "x");
            Files.createSymbolicLink(dir.resolve("link"), outside);
            TempPaths.delete(dir);
            assertFalse(Files.exists(dir));
            assertTrue(Files.exists(kept), "what the link points to stays");
        } finally {
            TempPaths.delete(dir);
            TempPaths.delete(outside);
        }
    }

    @Test
    void whatAJvmNoLongerRunningLeftIsReapedButNotWhatALivingOneOrAServerFixtureHolds() throws Exception {
        Path tmp = TempPaths.directory("kindred-temppaths");
        try {
            Process ended = new ProcessBuilder("true").start();
            ended.waitFor();
            long dead = ended.pid();
            long alive = ProcessHandle.current().pid();
            Path deadDir = Files.createDirectory(tmp.resolve("kindred-test-pid" + dead + "-123"));
            Files.writeString(deadDir.resolve("kindred.db"), "x");
            Path deadFile = Files.writeString(tmp.resolve("kindred-secret-pid" + dead + "-456.key"), "x");
            Path living = Files.createDirectory(tmp.resolve("kindred-test-pid" + alive + "-789"));
            Path server = Files.createDirectory(tmp.resolve("kindred-redis-pid" + dead + "-1011"));
            Files.writeString(server.resolve("owner.pid"), String.valueOf(dead));
            Path unmarked = Files.createDirectory(tmp.resolve("kindred-test1213"));

            assertEquals(2, TempPaths.reapDeadJvms(tmp));
            assertFalse(Files.exists(deadDir));
            assertFalse(Files.exists(deadFile));
            assertTrue(Files.exists(living), "a running JVM's");
            assertTrue(Files.exists(server), "ExternalServices.reapStale stops its server first");
            assertTrue(Files.exists(unmarked), "not named by TempPaths");
        } finally {
            TempPaths.delete(tmp);
        }
    }

    @Test
    void namesCarryTheJvmsProcessId() throws Exception {
        Path dir = TempPaths.directory("kindred-temppaths-");
        Path file = TempPaths.file("kindred-temppaths", ".key");
        try {
            String pid = "-pid" + ProcessHandle.current().pid() + "-";
            assertTrue(dir.getFileName().toString().startsWith("kindred-temppaths" + pid), dir.toString());
            assertTrue(file.getFileName().toString().startsWith("kindred-temppaths" + pid), file.toString());
            assertTrue(file.getFileName().toString().endsWith(".key"), file.toString());
        } finally {
            TempPaths.delete(dir);
            TempPaths.delete(file);
        }
    }
}
