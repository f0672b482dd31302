package org.kindred.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the generator puts on the wire and how it finds it again in a delivered frame.
 *
 * <p>The message text is a short ordinary sentence followed by a reference
 * {@code <publisher>,<pseq>,<nanos>} where every number is written in octal, in groups of exactly
 * six digits joined by {@code :} (e.g. {@code 000001:234567}). That keeps moderation out of it: the tokens
 * hold no letters, so leetspeak folding cannot turn digits into words (with letters next to them,
 * about 2 in 1,000 references folded into a masked or blocked word), and no run of digits is long
 * enough to be read as a phone number, and octal has no 8, so the hate code "1488" (blocked by the
 * lexicon even inside a longer run of digits) can never appear. Every text is distinct, so flood detection never fires. In raw mode (baseline servers that just
 * broadcast each frame) the generator sends a frame shaped like Kindred's {@code message} event,
 * of about the same size, so every server carries comparable bytes.
 */
public final class Payload {
    /** The sentence before the reference; plain words, nothing any filter should touch. */
    public static final String SENTENCE = "Thanks for listening, it really helps to talk here. ref ";
    private static final byte[] REF = " ref ".getBytes(StandardCharsets.US_ASCII);
    /** Six octal digits per group. */
    private static final long GROUP = 1L << 18;
    private static final byte[] MESSAGE_PREFIX = "{\"type\":\"message\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private Payload() {
    }

    /** The message text carrying publisher, per-publisher sequence and intended send time. */
    public static String text(int publisher, long pseq, long sendNanos) {
        StringBuilder sb = new StringBuilder(SENTENCE.length() + 40).append(SENTENCE);
        grouped(sb, publisher).append(',');
        grouped(sb, pseq).append(',');
        return grouped(sb, sendNanos).toString();
    }

    /**
     * {@code v} (>= 0) in octal, in groups of exactly six digits joined by ':'. Octal has no 8 or 9,
     * so no token can contain the hate code "1488" (the lexicon blocks it even inside a longer
     * run of digits); zero-padding keeps every token six digits long.
     */
    static StringBuilder grouped(StringBuilder sb, long v) {
        if (v >= GROUP) {
            grouped(sb, v / GROUP).append(':');
        }
        String low = Long.toOctalString(v % GROUP);
        for (int i = low.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(low);
    }

    /** A Kindred {@code send} request (no id: the reply is not needed to match anything). */
    public static String kindredSend(String room, String text) {
        return "{\"type\":\"send\",\"room\":\"" + room + "\",\"text\":\"" + text + "\"}";
    }

    /** A frame for raw broadcast servers, shaped and sized like Kindred's {@code message} event. */
    public static String rawMessage(String room, int publisher, long pseq, String text) {
        return "{\"type\":\"message\",\"room\":\"" + room + "\",\"msg\":\"m_raw" + publisher + "x" + pseq
                + "\",\"seq\":" + pseq + ",\"from\":{\"id\":\"u_bench" + publisher
                + "\",\"nick\":\"Quiet Heron\",\"role\":\"member\"},\"text\":\"" + text + "\",\"ts\":"
                + System.currentTimeMillis() + "}";
    }

    /** A delivery found in a frame. */
    public record Delivery(long seq, int publisher, long pseq, long sendNanos) {
    }

    /**
     * Parses a delivered frame: a {@code message} event carrying a reference. Returns null for any
     * other frame ({@code sent}, {@code presence}, errors …). Allocation-free apart from the result.
     */
    public static Delivery parse(byte[] b, int len) {
        if (!startsWith(b, len, MESSAGE_PREFIX)) {
            return null;
        }
        int s = indexOf(b, len, SEQ, 0);
        int r = indexOf(b, len, REF, 0);
        if (s < 0 || r < 0) {
            return null;
        }
        long[] out = new long[2];
        long seq = number(b, len, s + SEQ.length, out) ? out[0] : -1;
        int i = r + REF.length;
        if (!groupedNumber(b, len, i, out)) {
            return null;
        }
        int publisher = (int) out[0];
        i = (int) out[1];
        if (i >= len || b[i] != ',' || !groupedNumber(b, len, i + 1, out)) {
            return null;
        }
        long pseq = out[0];
        i = (int) out[1];
        if (i >= len || b[i] != ',' || !groupedNumber(b, len, i + 1, out)) {
            return null;
        }
        return new Delivery(seq, publisher, pseq, out[0]);
    }

    /** The value of a top-level-looking string field {@code "name":"value"}, or null (for error codes). */
    public static String field(byte[] b, int len, String name) {
        byte[] key = ("\"" + name + "\":\"").getBytes(StandardCharsets.US_ASCII);
        int i = indexOf(b, len, key, 0);
        if (i < 0) {
            return null;
        }
        int start = i + key.length;
        int end = start;
        while (end < len && b[end] != '"' && end - start < 64) {
            end++;
        }
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    /** Reads a number written by {@link #grouped}; out[0] = value, out[1] = index after it. */
    static boolean groupedNumber(byte[] b, int len, int from, long[] out) {
        long v = 0;
        int i = from;
        while (true) {
            int start = i;
            long g = 0;
            while (i < len && b[i] >= '0' && b[i] <= '7' && i - start < 6) {
                g = g * 8 + (b[i] - '0');
                i++;
            }
            if (i - start != 6) {
                return false;
            }
            v = v * GROUP + g;
            if (i < len && b[i] == ':') {
                i++;
            } else {
                break;
            }
        }
        out[0] = v;
        out[1] = i;
        return true;
    }

    /** Reads a non-negative decimal at {@code from}; out[0] = value, out[1] = index after it. */
    static boolean number(byte[] b, int len, int from, long[] out) {
        long v = 0;
        int i = from;
        while (i < len && b[i] >= '0' && b[i] <= '9' && i - from < 19) {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        if (i == from) {
            return false;
        }
        out[0] = v;
        out[1] = i;
        return true;
    }

    static boolean startsWith(byte[] b, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, int len, byte[] needle, int from) {
        outer:
        for (int i = from; i <= len - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
