package org.kindred.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Settings from {@code KINDRED_*} environment variables, merged into the configuration tree. */
final class EnvSettings {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private EnvSettings() {
    }

    /**
     * {@code KINDRED_MAX_FRAME_BYTES=32768} sets {@code maxFrameBytes}; lists are comma-separated;
     * {@code KINDRED_<SECTION>_<KEY>} sets one value of a section, e.g.
     * {@code KINDRED_SESSIONS_NEW_BURST=40} sets {@code sessions.newBurst}. Any other
     * {@code KINDRED_} name that is not in {@link ConfigLoader#OTHER_ENV} is refused, with a suggestion.
     */
    static void apply(ObjectNode tree, Map<String, String> env, Map<String, String> sources) {
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("KINDRED_") || ConfigLoader.OTHER_ENV.contains(name)) {
                continue;
            }
            String key = camel(name.substring("KINDRED_".length()));
            if (!ConfigFile.SCALARS.contains(key) && !ConfigFile.LISTS.contains(key)) {
                String[] parts = name.substring("KINDRED_".length()).split("_", 2);
                String section = parts[0].toLowerCase(Locale.ROOT);
                if (parts.length == 2 && !parts[1].isEmpty() && ConfigFile.SECTIONS.contains(section)) {
                    JsonNode existing = tree.get(section);
                    ObjectNode s = existing instanceof ObjectNode o ? o : tree.putObject(section);
                    String sub = camel(parts[1]);
                    s.set(sub, scalar(e.getValue().strip()));
                    sources.put(section + "." + sub, name);
                    continue;
                }
                Set<String> names = new TreeSet<>(ConfigLoader.OTHER_ENV);
                ConfigFile.SCALARS.forEach(k -> names.add(envName(k)));
                ConfigFile.LISTS.forEach(k -> names.add(envName(k)));
                throw ConfigErrors.unknownKey(name, name, names);
            }
            sources.put(key, name);
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

    /** {@code maxFrameBytes} → {@code KINDRED_MAX_FRAME_BYTES}. */
    static String envName(String key) {
        return "KINDRED_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
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
}
