package org.kindred.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The fixtures start what they promise: a Redis without persistence that answers and comes back
 * empty after a crash, and a PostgreSQL that signs in with a password only.
 */
class ExternalServicesSmokeTest {

    @Test
    void redisAnswersKeepsNothingOnDiskAndRestartsEmpty() throws IOException {
        try (RedisServer redis = RedisServer.start()) {
            assertEquals("PONG", redis.command("PING"));
            assertEquals("OK", redis.command("SET", "kindred:smoke", "1"));
            assertEquals("2", redis.command("INCR", "kindred:smoke"));
            assertEquals("save\n", redis.command("CONFIG", "GET", "save"), "no snapshots");
            assertEquals("appendonly\nno", redis.command("CONFIG", "GET", "appendonly"), "no append-only file");
            redis.stopServer();
            assertThrows(IOException.class, () -> redis.command("PING"), "killed");
            redis.startServer();
            assertNull(redis.command("GET", "kindred:smoke"), "nothing survived the crash");
        }
    }

    @Test
    void theSharedRedisIsOneServerPerJvm() throws IOException {
        RedisServer a = RedisServer.shared();
        assertTrue(a == RedisServer.shared());
        assertEquals("PONG", a.command("PING"));
        assertTrue(a.uri().startsWith("redis://127.0.0.1:"));
    }

    @Test
    void postgresSignsInWithThePasswordOnlyAndRunsOnItsOwnPort() throws SQLException {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createDatabase();
        try (Connection c = DriverManager.getConnection(pg.url(db), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW port")) {
            assertTrue(rs.next());
            assertEquals(String.valueOf(pg.port()), rs.getString(1));
        }
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(pg.url(db), PostgresServer.USER, "wrong").close());
    }

    @Test
    void aDroppedDatabaseIsGoneEvenWithAConnectionStillOpen() throws SQLException {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createDatabase();
        try (Connection open = DriverManager.getConnection(pg.url(db), PostgresServer.USER, PostgresServer.PASSWORD)) {
            pg.dropDatabase(db);
            try (Connection c = DriverManager.getConnection(pg.url("postgres"), PostgresServer.USER,
                    PostgresServer.PASSWORD);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + db + "'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> pg.dropDatabase("postgres"));
    }

    @Test
    void theFixturesFindTheInstalledPrograms() {
        Path bin = PostgresServer.binaries();
        Path redis = RedisServer.program();
        if (bin == null || redis == null) {
            ExternalServices.missing("PostgreSQL and Redis programs (apt-get install -y postgresql redis-server)");
        }
        assertTrue(Files.isExecutable(bin.resolve("initdb")));
        assertFalse(redis.toString().isEmpty());
    }
}
