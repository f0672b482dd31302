package org.kindred.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsHaveTheFiveStarterRooms() {
        KindredConfig c = ConfigLoader.defaults();
        assertEquals(List.of("general", "anxiety", "depression", "grief", "recovery"),
                c.rooms().stream().map(RoomConfig::id).toList());
        assertEquals(8080, c.port());
        assertEquals(16 * 1024, c.maxFrameBytes());
        assertEquals(50, c.historySize());
        c.rooms().forEach(r -> assertTrue(!r.guidelines().isEmpty() && r.capacity() > 0));
    }

    @Test
    void fileThenEnvironmentThenFlagsWin() throws Exception {
        Path file = dir.resolve("k.yaml");
        Files.writeString(file, """
                port: 9000
                historySize: 20
                allowedOrigins: [https://a.example]
                rooms:
                  - id: peers
                    title: Peers
                    topic: Just us
                    guidelines: Be kind.
                    capacity: 10
                """);
        ConfigLoader.Loaded l = ConfigLoader.load(ConfigLoader.Args.parse(new String[] {"--config", file.toString(),
                "--data-dir=/tmp/x"}), Map.of("KINDRED_PORT", "9100", "KINDRED_HISTORY_SIZE", "30",
                "KINDRED_ALLOWED_ORIGINS", "https://b.example, https://c.example", "KINDRED_BOOTSTRAP_MODERATOR", "x",
                "OTHER_PROGRAM_VAR", "y"));
        KindredConfig c = l.config();
        assertEquals(9100, c.port(), "environment beats the file");
        assertEquals(30, c.historySize());
        assertEquals(List.of("https://b.example", "https://c.example"), c.allowedOrigins());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
        assertEquals(List.of("peers"), c.rooms().stream().map(RoomConfig::id).toList(), "rooms replaced whole");
        KindredConfig flagged = ConfigLoader.load(ConfigLoader.Args.parse(new String[] {"--port", "9200"}),
                Map.of("KINDRED_PORT", "9100")).config();
        assertEquals(9200, flagged.port(), "flags beat the environment");
    }

    @Test
    void badValuesSayWhatWasExpected() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                ConfigLoader.Args.parse(new String[0]), Map.of("KINDRED_PORT", "70000")));
        assertTrue(e.getMessage().contains("port: 70000 (expected: 0..65535"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                ConfigLoader.Args.parse(new String[0]), Map.of("KINDRED_RESUME_WINDOW_SECONDS", "30")));
        assertTrue(e.getMessage().contains("expected: 120..86400"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.Args.parse(new String[] {"--port", "abc"}));
    }

    @Test
    void unknownKeysAndMissingFilesAreErrors() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "prot: 9000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                ConfigLoader.Args.parse(new String[] {"--config", file.toString()}), Map.of()));
        assertTrue(e.getMessage().contains("prot"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(
                ConfigLoader.Args.parse(new String[] {"--config", dir.resolve("none.yaml").toString()}), Map.of()));
    }

    @Test
    void roomsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RoomConfig("Bad Id", "t", "", "", 10));
        assertTrue(e.getMessage().contains("expected:"));
        assertThrows(IllegalArgumentException.class, () -> new RoomConfig("ok", "t", "", "", 1));
        assertThrows(ConfigException.class, () -> ConfigLoader.defaults().toBuilder()
                .rooms(List.of(new RoomConfig("a", "A", "", "", 5), new RoomConfig("a", "B", "", "", 5))).build());
    }
}
