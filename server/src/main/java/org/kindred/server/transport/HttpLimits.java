package org.kindred.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.kindred.server.config.ConfigException;

/**
 * Limits on plain HTTP requests (the {@code http} section of the configuration).
 *
 * @param requestTimeoutSeconds a connection must deliver a complete request (line, headers and
 *     body) within this many seconds of opening or of its previous response, else it is closed;
 *     this also ends idle keep-alive connections
 * @param maxBodyBytes longest request body; larger ones get 413 and the connection is closed
 * @param maxHeaderBytes longest header block; larger ones get 431
 * @param maxRequestLineBytes longest request line (method, URI, version); longer ones get 414
 */
public record HttpLimits(int requestTimeoutSeconds, int maxBodyBytes, int maxHeaderBytes, int maxRequestLineBytes) {
    private static final Set<String> KEYS = Set.of("requestTimeoutSeconds", "maxBodyBytes", "maxHeaderBytes",
            "maxRequestLineBytes");

    /** The values of a fresh install: 5 s, 64 KiB body, 8 KiB headers, 4 KiB request line. */
    public static HttpLimits defaults() {
        return new HttpLimits(5, 64 * 1024, 8 * 1024, 4 * 1024);
    }

    /**
     * Reads the {@code http} section; absent keys keep their default.
     *
     * @param section a JSON/YAML object, possibly empty
     * @return the limits
     * @throws ConfigException naming the key and what was expected, for unknown keys and bad values
     */
    public static HttpLimits from(JsonNode section) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return defaults();
        }
        if (!section.isObject()) {
            throw new ConfigException("http: " + section + " (expected: a mapping with " + KEYS + ")");
        }
        Iterator<String> names = section.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!KEYS.contains(k)) {
                throw org.kindred.server.config.ConfigErrors.unknownKey("http." + k, k, KEYS);
            }
        }
        HttpLimits d = defaults();
        return new HttpLimits(
                number(section, "requestTimeoutSeconds", d.requestTimeoutSeconds, 1, 300),
                number(section, "maxBodyBytes", d.maxBodyBytes, 1024, 16 * 1024 * 1024),
                number(section, "maxHeaderBytes", d.maxHeaderBytes, 1024, 64 * 1024),
                number(section, "maxRequestLineBytes", d.maxRequestLineBytes, 256, 64 * 1024));
    }

    private static int number(JsonNode s, String key, int dflt, int min, int max) {
        JsonNode n = s.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            throw new ConfigException("http." + key + ": " + n + " (expected: a whole number " + min + ".." + max + ")");
        }
        return n.asInt();
    }
}
