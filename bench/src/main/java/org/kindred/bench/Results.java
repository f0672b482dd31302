package org.kindred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's runs, one JSON object a run (the lines {@link LoadGen} prints), looked up by
 * scenario, server, shape (room size and members) and burst size. The last line for the same
 * scenario, server, shape and burst size wins; lines without a burst size were smooth (1).
 */
final class Results {
    /** The bare Netty baseline server's name. */
    static final String NETTY = "netty";
    /** The Node ws baseline server's name. */
    static final String NODE = "node";
    /** Kindred's servers: moderation off and on. */
    static final List<String> KINDREDS = List.of("kindred", "kindred-mod");
    /** The order of the servers within one shape in every table; other servers come after. */
    static final List<String> ORDER = List.of(NETTY, NODE, "kindred", "kindred-mod");

    private final Map<String, JsonNode> runs = new LinkedHashMap<>();

    /** @param lines the runs in the order they were written (later ones replace earlier ones of the same key) */
    Results(List<JsonNode> lines) {
        for (JsonNode n : lines) {
            runs.put(key(n.path("scenario").asText(), n.path("server").asText(), n.path("roomSize").asInt(),
                    n.path("members").asInt(), burst(n)), n);
        }
    }

    /**
     * Reads a results file of JSON lines (blank lines skipped).
     *
     * @throws IOException when the file cannot be read or a line is not JSON
     */
    static Results read(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(m.readTree(line));
            }
        }
        return new Results(lines);
    }

    static String key(String scenario, String server, int roomSize, int members, int burst) {
        return scenario + "/" + server + "/" + roomSize + "/" + members + "/" + burst;
    }

    /** Messages per burst of a run; 1 (smooth) for lines written before bursts existed. */
    static int burst(JsonNode n) {
        return n.path("burst").asInt(1);
    }

    /** The smooth run (burst 1) of that scenario, server and shape, or null when there is none. */
    JsonNode get(String scenario, String server, int roomSize, int members) {
        return get(scenario, server, roomSize, members, 1);
    }

    /** The run of that scenario, server, shape and burst size, or null when there is none. */
    JsonNode get(String scenario, String server, int roomSize, int members, int burst) {
        return runs.get(key(scenario, server, roomSize, members, burst));
    }

    /** The smooth run (burst 1) of {@code server} in the scenario and shape of run {@code n}, or null. */
    JsonNode smoothBeside(JsonNode n, String server) {
        return get(n.path("scenario").asText(), server, n.path("roomSize").asInt(), n.path("members").asInt());
    }

    /**
     * The runs of {@code scenario} in table order: by room size, members, burst size, then server
     * ({@link #ORDER}); a new list.
     */
    List<JsonNode> of(String scenario) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : runs.values()) {
            if (n.path("scenario").asText().equals(scenario)) {
                out.add(n);
            }
        }
        out.sort((a, b) -> {
            int c = Integer.compare(a.path("roomSize").asInt(), b.path("roomSize").asInt());
            c = c != 0 ? c : Integer.compare(a.path("members").asInt(), b.path("members").asInt());
            c = c != 0 ? c : Integer.compare(burst(a), burst(b));
            return c != 0 ? c : Integer.compare(rank(a), rank(b));
        });
        return out;
    }

    private static int rank(JsonNode n) {
        int i = ORDER.indexOf(n.path("server").asText());
        return i < 0 ? ORDER.size() : i;
    }
}
