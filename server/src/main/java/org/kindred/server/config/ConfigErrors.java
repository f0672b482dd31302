package org.kindred.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kindred.server.common.Throwables;

/**
 * Turns what can go wrong in a configuration into one line an operator can act on:
 * {@code <key>: <value> (expected: <what>)}, with a "did you mean" suggestion for unknown keys
 * and the line and column for broken YAML. Values are shown on one line and cut at
 * {@value #MAX_VALUE} characters.
 */
public final class ConfigErrors {
    /** Longest value echoed in a message, in characters. */
    public static final int MAX_VALUE = 60;
    private static final Pattern KEY_THEN_REST = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]*)(:)? (.*)",
            Pattern.DOTALL);

    private ConfigErrors() {
    }

    /**
     * The closest of {@code known} to {@code typed} by edit distance (case-insensitive), when
     * close enough to be a typo (at most 2 edits, or a third of the length for long names).
     *
     * @return the suggestion, or null
     */
    public static String closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(Locale.ROOT);
        for (String k : new TreeSet<>(known)) {
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, typed.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /**
     * The message for an unknown key: {@code <path>: unknown key, did you mean '<x>'? (expected: one of …)}.
     *
     * @param path  the full key as the operator wrote it, e.g. {@code sessions.newBurts}
     * @param typed the last part of the path, compared with {@code known}
     * @param known the keys accepted at that place
     */
    public static ConfigException unknownKey(String path, String typed, Collection<String> known) {
        String guess = closest(typed, known);
        return new ConfigException(path + ": unknown key" + (guess == null ? "" : ", did you mean '" + guess + "'?")
                + " (expected: one of " + String.join(", ", new TreeSet<>(known)) + ")");
    }

    /** Levenshtein distance of two strings (both short: configuration keys). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A value as it may appear in a message: one line, at most {@value #MAX_VALUE} characters. */
    public static String show(Object value) {
        String s;
        if (value instanceof JsonNode n) {
            s = n.isValueNode() ? n.asText() : n.toString();
        } else {
            s = String.valueOf(value);
        }
        s = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…";
    }

    /**
     * One line for a Jackson failure while binding {@code section} (prefix of every key named;
     * empty for the top level) from {@code tree}.
     */
    public static ConfigException binding(String section, JsonNode tree, Exception e) {
        String path = section;
        JsonNode at = tree;
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path = path.isEmpty() ? r.getFieldName() : path + "." + r.getFieldName();
                    at = at == null ? null : at.get(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path = path + "[" + r.getIndex() + "]";
                    at = at == null ? null : at.get(r.getIndex());
                }
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            java.util.List<String> known = new java.util.ArrayList<>();
            u.getKnownPropertyIds().forEach(o -> known.add(String.valueOf(o)));
            return unknownKey(path, u.getPropertyName(), known);
        }
        // the outermost IllegalArgumentException: the validation that said no
        Throwable root = Throwables.find(e, IllegalArgumentException.class).orElse(null);
        if (root != null && root.getMessage() != null) {
            String msg = root.getMessage().replaceAll("\\s+", " ").strip();
            Matcher km = KEY_THEN_REST.matcher(msg);
            boolean inside = !path.equals(section); // Jackson knows where in the section it failed
            if (km.matches() && km.group(2) != null && inside) {
                // "id: x (expected …)" from the object at path: the key is one of its fields
                return new ConfigException(path + "." + km.group(1) + ": " + km.group(3), e);
            }
            if (inside) {
                return new ConfigException(path + ": " + msg, e);
            }
            String prefix = section.isEmpty() ? "" : section + ".";
            if (!prefix.isEmpty() && msg.startsWith(prefix)) {
                return new ConfigException(msg, e);
            }
            if (km.matches() && !prefix.isEmpty()) {
                return new ConfigException(prefix + km.group(1) + ": " + km.group(3), e);
            }
            return new ConfigException((section.isEmpty() ? "" : section + ": ") + msg, e);
        }
        String value = at == null ? "(missing)" : show(at);
        String expected = "a valid value";
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            expected = describe(mi.getTargetType());
        }
        if (e instanceof InvalidFormatException f) {
            value = show(f.getValue());
        }
        return new ConfigException((path.isEmpty() ? "configuration" : path) + ": " + value
                + " (expected: " + expected + ")", e);
    }

    /** "a whole number", "a list" …: what a Java type looks like in YAML. */
    static String describe(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(t)) {
            return "a mapping of key: value";
        }
        if (t.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            Object[] values = t.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                b.append(i == 0 ? "" : ", ").append(values[i].toString().toLowerCase(Locale.ROOT));
            }
            return b.toString();
        }
        return "a mapping";
    }

    /**
     * One line for YAML that cannot be parsed: {@code <file>: broken YAML at line L, column C: <problem>}.
     */
    public static ConfigException brokenYaml(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        int column = loc == null ? -1 : loc.getColumnNr();
        String problem = null;
        for (Throwable t : Throwables.chain(e)) {
            problem = snakeProblem(t);
            if (problem != null) {
                int[] mark = snakeMark(t);
                if (mark != null) {
                    line = mark[0];
                    column = mark[1];
                }
                break;
            }
        }
        if (problem == null) {
            String m = e.getOriginalMessage() == null ? "cannot be read" : e.getOriginalMessage();
            int nl = m.indexOf('\n');
            problem = nl < 0 ? m : m.substring(0, nl);
        }
        String where = line < 1 ? "" : " at line " + line + ", column " + column;
        int sentence = problem.indexOf(". ");
        if (sentence > 0) {
            problem = problem.substring(0, sentence);
        }
        return new ConfigException(file + ": broken YAML" + where + ": " + show(problem)
                + " (expected: a YAML mapping of key: value)", e);
    }

    /** SnakeYAML's own short description of a problem, when {@code t} is one of its errors. */
    private static String snakeProblem(Throwable t) {
        try {
            java.lang.reflect.Method m = t.getClass().getMethod("getProblem");
            Object p = m.invoke(t);
            return p == null ? null : p.toString();
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    /** True when {@code t} or a cause is a YAML syntax error (rather than a value of the wrong shape). */
    public static boolean isSyntax(Throwable t) {
        return Throwables.chain(t).stream()
                .anyMatch(c -> c instanceof com.fasterxml.jackson.core.JsonParseException || snakeProblem(c) != null);
    }

    /** SnakeYAML's 1-based line and column of the problem, when {@code t} is one of its errors. */
    private static int[] snakeMark(Throwable t) {
        try {
            Object mark = t.getClass().getMethod("getProblemMark").invoke(t);
            if (mark == null) {
                return null;
            }
            int line = (Integer) mark.getClass().getMethod("getLine").invoke(mark);
            int column = (Integer) mark.getClass().getMethod("getColumn").invoke(mark);
            return new int[] {line + 1, column + 1};
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    /** The keys of an object node. */
    static java.util.List<String> keys(JsonNode n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
