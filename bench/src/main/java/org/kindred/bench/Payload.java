package org.kindred.bench;

import java.nio.charset.StandardCharsets;

/**
 * What the generator puts on the wire and how it finds it again in a delivered frame.
 *
 * <p>The message text is a short ordinary sentence followed by a reference {@code k<publisher>p<pseq>t<nanos>}.
 * The digits are glued to letters so no moderation stage mistakes them for a phone number, and
 * every text is distinct so flood detection never fires. In raw mode (baseline servers that just
 * broadcast each frame) the generator sends a frame shaped like Kindred's {@code message} event,
 * of about the same size, so every server carries comparable bytes.
 */
public final class Payload {
    /** The sentence before the reference; plain words, nothing any filter should touch. */
    public static final String SENTENCE = "Thanks for listening, it really helps to talk here. ref ";
    private static final byte[] REF = " ref k".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_PREFIX = "{\"type\":\"message\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private Payload() {
    }

    /** The message text carrying publisher, per-publisher sequence and intended send time. */
    public static String text(int publisher, long pseq, long sendNanos) {
        return SENTENCE + "k" + publisher + "p" + pseq + "t" + sendNanos;
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
        if (!number(b, len, i, out)) {
            return null;
        }
        int publisher = (int) out[0];
        i = (int) out[1];
        if (i >= len || b[i] != 'p' || !number(b, len, i + 1, out)) {
            return null;
        }
        long pseq = out[0];
        i = (int) out[1];
        if (i >= len || b[i] != 't' || !number(b, len, i + 1, out)) {
            return null;
        }
        return new Delivery(seq, publisher, pseq, out[0]);
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
