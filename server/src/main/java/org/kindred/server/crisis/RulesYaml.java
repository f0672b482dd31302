package org.kindred.server.crisis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the crisis rule files (YAML) from the class path, refusing a pattern that YAML would cut
 * silently: in YAML an unquoted {@code " #"} starts a comment, so the list item
 * {@code - (me quedan|quedan) # minutos ~3 hacerlo} is read as {@code (me quedan|quedan)}, and
 * {@code [en #10 jai, en #10 je]} as {@code [en} with the rest of the line gone. The parser cannot
 * see the comment, so the raw text is read first: a {@code " #"} outside quotes is refused in a
 * block list item whose value is a plain scalar, and inside a flow list or map (between {@code [}
 * or {@code &#123;} and its close, over lines) right after a word. A comment after a comma inside a flow
 * list ({@code [a, b,  # note}, the list going on on the next line), after a closed flow
 * collection or a mapping value ({@code window: 8  # words}) and a comment line are read as
 * comments. One pass over the text.
 */
final class RulesYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RulesYaml() {
    }

    /**
     * The resource parsed as {@code type}.
     *
     * @throws IllegalArgumentException naming the file and line of a pattern a comment would cut
     * @throws IllegalStateException when the resource is missing
     */
    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = RulesYaml.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code text} parsed as {@code type}, after {@link #check}.
     *
     * @param where the file's name, for messages
     */
    static <T> T parse(String text, String where, Class<T> type) {
        check(text, where);
        try {
            return YAML.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses the first {@code " #"} that YAML would read as a comment inside a pattern or list.
     *
     * @throws IllegalArgumentException {@code where:line: 'the line' ... (expected: ...)}
     */
    static void check(String text, String where) {
        int depth = 0;
        int line = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = text.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            depth = line(text, i, end, depth, where, line++);
            i = end + 1;
        }
    }

    /** Reads one line from the flow depth {@code depth}; returns the depth at its end. */
    private static int line(String text, int from, int to, int depth, String where, int line) {
        int k = from;
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        if (k == to || text.charAt(k) == '#') {
            return depth;
        }
        // a block list item with a plain value: "- word ..." (not quoted, not a flow collection)
        boolean plainItem = depth == 0 && text.charAt(k) == '-' && k + 2 < to && text.charAt(k + 1) == ' '
                && "'\"[{#".indexOf(text.charAt(k + 2)) < 0;
        char quote = 0;
        char previous = ' ';
        char lastSignificant = '-';
        for (int p = k; p < to; p++) {
            char c = text.charAt(p);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '\'' || c == '"') && ":-[{, ".indexOf(lastSignificant) >= 0 && previous == ' '
                    || (c == '\'' || c == '"') && (previous == '[' || previous == '{' || previous == ',')) {
                quote = c;
            } else if (c == '#' && (previous == ' ' || previous == '\t')) {
                // inside a flow list a comment after "," or "[" cuts nothing; after a word it cuts the item
                if ((depth > 0 && ",[{".indexOf(lastSignificant) < 0) || plainItem) {
                    throw new IllegalArgumentException(where + ":" + line + ": '" + text.substring(k, to).strip()
                            + "': YAML reads ' #' as a comment and cuts the pattern or list there (expected: the"
                            + " pattern quoted, '...', or the comment on a line of its own)");
                }
                return depth;
            } else if ((c == '[' || c == '{') && (depth > 0 || ":-[{, ".indexOf(lastSignificant) >= 0)) {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            if (c != ' ' && c != '\t' && quote == 0) {
                lastSignificant = c;
            }
            previous = c;
        }
        return depth;
    }
}
