package org.kindred.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link KindredConfig} from, in increasing precedence: the bundled
 * {@code kindred-defaults.yaml}, the operator's YAML file ({@code --config} or
 * {@code KINDRED_CONFIG}), {@code KINDRED_*} environment variables and command-line flags.
 * Every source is checked: unknown keys and bad values are errors that name the key.
 */
public final class ConfigLoader {
    static final String DEFAULTS = "/kindred-defaults.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {
    }

    /** Result of loading: the config and the raw merged tree (other sections read their part of it). */
    public record Loaded(KindredConfig config, ObjectNode tree) {
        /** The named section of the merged configuration, or an empty object. */
        public JsonNode section(String name) {
            JsonNode n = tree.get(name);
            return n == null ? JsonNodeFactory.instance.objectNode() : n;
        }
    }

    public static Loaded load(Args args, Map<String, String> env) {
        ObjectNode tree = readDefaults();
        String file = args.config() != null ? args.config() : env.get("KINDRED_CONFIG");
        if (file != null) {
            merge(tree, readFile(Path.of(file)));
        }
        applyEnv(tree, env);
        if (args.port() != null) {
            tree.put("port", args.port());
        }
        if (args.dataDir() != null) {
            tree.put("dataDir", args.dataDir());
        }
        if (args.host() != null) {
            tree.put("host", args.host());
        }
        return new Loaded(toConfig(tree), tree);
    }

    /** Only the defaults; for tests and tools. */
    public static KindredConfig defaults() {
        return toConfig(readDefaults());
    }

    static KindredConfig toConfig(ObjectNode tree) {
        ObjectNode core = tree.deepCopy();
        for (String section : ConfigFile.SECTIONS) {
            core.remove(section);
        }
        ConfigFile f;
        try {
            f = YAML.treeToValue(core, ConfigFile.class);
        } catch (IOException e) {
            throw new ConfigException("configuration: " + firstLine(e.getMessage()), e);
        }
        return f.toBuilder().build();
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULTS + " on the classpath");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled defaults", e);
        }
    }

    private static ObjectNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file: " + file + " (expected: a readable YAML file)");
        }
        try {
            JsonNode n = YAML.readTree(file.toFile());
            if (n == null || n.isMissingNode() || n.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!n.isObject()) {
                throw new ConfigException("config file " + file + ": (expected: a YAML mapping at the top level)");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new ConfigException("config file " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Objects merge key by key; everything else (scalars, lists such as rooms) is replaced. */
    static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** {@code KINDRED_MAX_FRAME_BYTES=32768} sets {@code maxFrameBytes}; lists are comma-separated. */
    static void applyEnv(ObjectNode tree, Map<String, String> env) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith("KINDRED_")) {
                continue;
            }
            String key = camel(e.getKey().substring("KINDRED_".length()));
            if (!ConfigFile.SCALARS.contains(key) && !ConfigFile.LISTS.contains(key)) {
                continue; // other KINDRED_ variables (KINDRED_CONFIG, KINDRED_BOOTSTRAP_MODERATOR …)
            }
            if (ConfigFile.LISTS.contains(key)) {
                ArrayNode list = tree.putArray(key);
                for (String part : e.getValue().split(",")) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
            } else {
                tree.set(key, scalar(e.getValue().strip()));
            }
        }
    }

    private static JsonNode scalar(String v) {
        try {
            JsonNode n = YAML.readTree(v);
            if (n != null && n.isValueNode()) {
                return n;
            }
        } catch (IOException e) {
            // not YAML: take it as text
        }
        return JsonNodeFactory.instance.textNode(v);
    }

    static String camel(String envName) {
        String[] parts = envName.toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Command-line flags of the server. */
    public record Args(Integer port, String dataDir, String config, String host, List<String> rest) {
        public static Args parse(String[] argv) {
            Integer port = null;
            String dataDir = null;
            String config = null;
            String host = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                String value = null;
                String name = a;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (name) {
                    case "--port", "--data-dir", "--config", "--host" -> {
                        if (value == null) {
                            if (i + 1 >= argv.length) {
                                throw new ConfigException(name + ": missing value (expected: " + name + " VALUE)");
                            }
                            value = argv[++i];
                        }
                        switch (name) {
                            case "--port" -> port = parsePort(value);
                            case "--data-dir" -> dataDir = value;
                            case "--config" -> config = value;
                            default -> host = value;
                        }
                    }
                    default -> rest.add(a);
                }
            }
            return new Args(port, dataDir, config, host, List.copyOf(rest));
        }

        private static int parsePort(String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException("--port: " + v + " (expected: a number 0..65535)");
            }
        }
    }
}
