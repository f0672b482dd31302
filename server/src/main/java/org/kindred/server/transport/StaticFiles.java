package org.kindred.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web client's files, read once from the classpath folder {@code kindred-web/} (packaged
 * by the web-client module) and kept in memory. Paths with {@code ..}, backslashes or hidden
 * segments are never looked up.
 */
final class StaticFiles {
    static final String ROOT = "kindred-web/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    record File(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    Optional<File> get(String path) {
        String p = path.equals("/") ? "/index.html" : path;
        if (!p.startsWith("/") || p.contains("..") || p.contains("\\") || p.contains("/.") || p.contains("//")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(p, StaticFiles::load);
    }

    private static Optional<File> load(String p) {
        int dot = p.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(p.substring(dot + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + p.substring(1))) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type, "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes))
                    + "-" + bytes.length + "\""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
