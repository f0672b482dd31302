package org.kindred.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The YAML shape of the core settings (all optional; absent means the builder's default). */
final class ConfigFile {
    /** Top-level sections read by other parts of the server from the merged tree. */
    static final Set<String> SECTIONS = Set.of("moderation", "crisis", "store", "sessions", "http", "paging");
    static final Set<String> SCALARS = Set.of("host", "port", "dataDir", "secretKeyFile", "maxFrameBytes", "resumeWindowSeconds",
            "historySize", "historyMaxAgeSeconds", "maxText", "ratePerSec", "burst", "outboundQueueBytes",
            "pingIntervalSeconds", "idleTimeoutSeconds", "maxConnectionsPerAddress", "maxProtocolErrors",
            "requestsPerSecond", "requestBurst", "shutdownGraceSeconds", "database", "redis");
    static final Set<String> LISTS = Set.of("allowedOrigins");

    public String host;
    public Integer port;
    public String dataDir;
    public String secretKeyFile;
    public Integer maxFrameBytes;
    public List<String> allowedOrigins;
    public Integer resumeWindowSeconds;
    public Integer historySize;
    public Integer historyMaxAgeSeconds;
    public Integer maxText;
    public Double ratePerSec;
    public Integer burst;
    public Integer outboundQueueBytes;
    public Integer pingIntervalSeconds;
    public Integer idleTimeoutSeconds;
    public Integer maxConnectionsPerAddress;
    public Integer maxProtocolErrors;
    public Double requestsPerSecond;
    public Integer requestBurst;
    public Integer shutdownGraceSeconds;
    public String database;
    public String redis;
    public List<RoomConfig> rooms;

    KindredConfig.Builder toBuilder() {
        KindredConfig.Builder b = KindredConfig.builder();
        if (host != null) b.host(host);
        if (port != null) b.port(port);
        if (dataDir != null) b.dataDir(Path.of(dataDir));
        if (secretKeyFile != null) b.secretKeyFile(Path.of(secretKeyFile));
        if (maxFrameBytes != null) b.maxFrameBytes(maxFrameBytes);
        if (allowedOrigins != null) b.allowedOrigins(allowedOrigins);
        if (resumeWindowSeconds != null) b.resumeWindowSeconds(resumeWindowSeconds);
        if (historySize != null) b.historySize(historySize);
        if (historyMaxAgeSeconds != null) b.historyMaxAgeSeconds(historyMaxAgeSeconds);
        if (maxText != null) b.maxText(maxText);
        if (ratePerSec != null) b.ratePerSec(ratePerSec);
        if (burst != null) b.burst(burst);
        if (outboundQueueBytes != null) b.outboundQueueBytes(outboundQueueBytes);
        if (pingIntervalSeconds != null) b.pingIntervalSeconds(pingIntervalSeconds);
        if (idleTimeoutSeconds != null) b.idleTimeoutSeconds(idleTimeoutSeconds);
        if (maxConnectionsPerAddress != null) b.maxConnectionsPerAddress(maxConnectionsPerAddress);
        if (maxProtocolErrors != null) b.maxProtocolErrors(maxProtocolErrors);
        if (requestsPerSecond != null) b.requestsPerSecond(requestsPerSecond);
        if (requestBurst != null) b.requestBurst(requestBurst);
        if (shutdownGraceSeconds != null) b.shutdownGraceSeconds(shutdownGraceSeconds);
        if (rooms != null) b.rooms(rooms);
        if (database != null) b.database(database);
        if (redis != null) b.redis(redis);
        return b;
    }
}
