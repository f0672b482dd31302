package org.kindred.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's configuration: immutable, built only through {@link Builder}, which validates
 * every value and says what it expected. Sources, lowest to highest precedence: the bundled
 * defaults, the YAML file given with {@code --config}, {@code KINDRED_*} environment variables,
 * command-line flags (see {@link ConfigLoader}).
 */
public record KindredConfig(
        String host,
        int port,
        Path dataDir,
        Path secretKeyFile,
        int maxFrameBytes,
        List<String> allowedOrigins,
        int resumeWindowSeconds,
        int historySize,
        int historyMaxAgeSeconds,
        int maxText,
        double ratePerSec,
        int burst,
        int outboundQueueBytes,
        int pingIntervalSeconds,
        int idleTimeoutSeconds,
        int maxConnectionsPerAddress,
        int maxProtocolErrors,
        double requestsPerSecond,
        int requestBurst,
        int shutdownGraceSeconds,
        List<RoomConfig> rooms,
        String database,
        String redis) {

    public KindredConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        rooms = List.copyOf(rooms);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).dataDir(dataDir).secretKeyFile(secretKeyFile)
                .maxFrameBytes(maxFrameBytes)
                .allowedOrigins(allowedOrigins).resumeWindowSeconds(resumeWindowSeconds).historySize(historySize)
                .historyMaxAgeSeconds(historyMaxAgeSeconds).maxText(maxText).ratePerSec(ratePerSec).burst(burst)
                .outboundQueueBytes(outboundQueueBytes).pingIntervalSeconds(pingIntervalSeconds)
                .idleTimeoutSeconds(idleTimeoutSeconds).maxConnectionsPerAddress(maxConnectionsPerAddress)
                .maxProtocolErrors(maxProtocolErrors).requestsPerSecond(requestsPerSecond).requestBurst(requestBurst)
                .shutdownGraceSeconds(shutdownGraceSeconds).rooms(rooms).database(database).redis(redis);
    }

    /** Validating builder; defaults are the values of a fresh install. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private Path dataDir = Path.of("data");
        private Path secretKeyFile;
        private int maxFrameBytes = 16 * 1024;
        private List<String> allowedOrigins = List.of();
        private int resumeWindowSeconds = 120;
        private int historySize = 50;
        private int historyMaxAgeSeconds = 3600;
        private int maxText = 2000;
        private double ratePerSec = 1.0;
        private int burst = 5;
        private int outboundQueueBytes = 1024 * 1024;
        private int pingIntervalSeconds = 30;
        private int idleTimeoutSeconds = 90;
        private int maxConnectionsPerAddress = 64;
        private int maxProtocolErrors = 20;
        private double requestsPerSecond = 20;
        private int requestBurst = 60;
        private int shutdownGraceSeconds = 5;
        private List<RoomConfig> rooms = List.of();
        private String database;
        private String redis;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        /** The fingerprint secret shared by every node ({@link SecretKeyFile}), or null for the data directory's own. */
        public Builder secretKeyFile(Path v) { secretKeyFile = v; return this; }
        public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
        public Builder allowedOrigins(List<String> v) { allowedOrigins = v; return this; }
        public Builder resumeWindowSeconds(int v) { resumeWindowSeconds = v; return this; }
        public Builder historySize(int v) { historySize = v; return this; }
        public Builder historyMaxAgeSeconds(int v) { historyMaxAgeSeconds = v; return this; }
        public Builder maxText(int v) { maxText = v; return this; }
        public Builder ratePerSec(double v) { ratePerSec = v; return this; }
        public Builder burst(int v) { burst = v; return this; }
        public Builder outboundQueueBytes(int v) { outboundQueueBytes = v; return this; }
        public Builder pingIntervalSeconds(int v) { pingIntervalSeconds = v; return this; }
        public Builder idleTimeoutSeconds(int v) { idleTimeoutSeconds = v; return this; }
        public Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }
        public Builder maxProtocolErrors(int v) { maxProtocolErrors = v; return this; }
        public Builder requestsPerSecond(double v) { requestsPerSecond = v; return this; }
        public Builder requestBurst(int v) { requestBurst = v; return this; }
        public Builder shutdownGraceSeconds(int v) { shutdownGraceSeconds = v; return this; }
        public Builder rooms(List<RoomConfig> v) { rooms = v; return this; }
        /** A PostgreSQL JDBC URL for the shared store, or null for SQLite in the data directory. */
        public Builder database(String v) { database = v; return this; }
        /** A Redis URL shared by several nodes (rooms' delivery, presence, history), or null for one node in memory. */
        public Builder redis(String v) { redis = v; return this; }

        public KindredConfig build() {
            require(host != null && !host.isBlank(), "host", host, "an interface address such as 0.0.0.0");
            require(port >= 0 && port <= 65535, "port", port, "0..65535 (0 picks a free port)");
            require(dataDir != null, "dataDir", dataDir, "a directory path");
            if (secretKeyFile != null) {
                SecretKeyFile.read(secretKeyFile); // checked now, so a bad file stops the start with one line
            }
            require(maxFrameBytes >= 1024 && maxFrameBytes <= 1 << 20, "maxFrameBytes", maxFrameBytes,
                    "1024..1048576");
            require(allowedOrigins != null && allowedOrigins.stream().allMatch(o -> o.equals("*")
                    || o.matches("https?://[^/\\s]+")), "allowedOrigins", allowedOrigins,
                    "a list of origins such as https://chat.example.org, or *");
            require(resumeWindowSeconds >= 120 && resumeWindowSeconds <= 86_400, "resumeWindowSeconds",
                    resumeWindowSeconds, "120..86400; the protocol promises at least 2 minutes");
            require(historySize >= 0 && historySize <= 1000, "historySize", historySize, "0..1000");
            require(historyMaxAgeSeconds >= 1 && historyMaxAgeSeconds <= 86_400, "historyMaxAgeSeconds",
                    historyMaxAgeSeconds, "1..86400");
            require(maxText >= 1 && maxText * 3 + 256 <= maxFrameBytes, "maxText", maxText,
                    "1..(maxFrameBytes - 256) / 3, so the longest text fits in a frame");
            require(ratePerSec > 0 && ratePerSec <= 10_000, "ratePerSec", ratePerSec, "a number in (0, 10000]");
            require(burst >= 1 && burst <= 100_000, "burst", burst, "1..100000");
            require(outboundQueueBytes >= 16 * 1024, "outboundQueueBytes", outboundQueueBytes, ">= 16384");
            require(pingIntervalSeconds >= 1, "pingIntervalSeconds", pingIntervalSeconds, ">= 1");
            require(idleTimeoutSeconds >= pingIntervalSeconds, "idleTimeoutSeconds", idleTimeoutSeconds,
                    ">= pingIntervalSeconds");
            require(maxConnectionsPerAddress >= 1, "maxConnectionsPerAddress", maxConnectionsPerAddress, ">= 1");
            require(maxProtocolErrors >= 1, "maxProtocolErrors", maxProtocolErrors, ">= 1");
            require(requestsPerSecond > 0 && requestsPerSecond <= 100_000, "requestsPerSecond", requestsPerSecond,
                    "a number in (0, 100000]");
            require(requestBurst >= 1, "requestBurst", requestBurst, ">= 1");
            require(shutdownGraceSeconds >= 0 && shutdownGraceSeconds <= 60, "shutdownGraceSeconds",
                    shutdownGraceSeconds, "0..60");
            require(rooms != null && !rooms.isEmpty(), "rooms", rooms, "at least one room");
            Set<String> ids = new HashSet<>();
            List<String> dup = new ArrayList<>();
            for (RoomConfig r : rooms) {
                if (!ids.add(r.id())) {
                    dup.add(r.id());
                }
            }
            require(dup.isEmpty(), "rooms", dup, "unique room ids");
            if (database != null) {
                String problem = DatabaseUrl.problem(database);
                if (problem != null) {
                    throw new ConfigException("database: " + problem); // never echoes a password
                }
            }
            if (redis != null) {
                String problem = RedisUrl.problem(redis);
                if (problem != null) {
                    throw new ConfigException("redis: " + problem); // never echoes a password
                }
            }
            return new KindredConfig(host, port, dataDir, secretKeyFile, maxFrameBytes, allowedOrigins,
                    resumeWindowSeconds,
                    historySize, historyMaxAgeSeconds, maxText, ratePerSec, burst, outboundQueueBytes,
                    pingIntervalSeconds, idleTimeoutSeconds, maxConnectionsPerAddress, maxProtocolErrors,
                    requestsPerSecond, requestBurst, shutdownGraceSeconds, rooms, database, redis);
        }

        private static void require(boolean ok, String name, Object value, String expected) {
            if (!ok) {
                throw new ConfigException(name + ": " + value + " (expected: " + expected + ")");
            }
        }
    }
}
