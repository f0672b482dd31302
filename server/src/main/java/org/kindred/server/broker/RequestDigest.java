package org.kindred.server.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name under which a broker remembers a request for catching its retries: a SHA-256 digest
 * of the request key and the text, so neither the member, the client's request id nor the words
 * appear in it (the name may be a Redis key). 32 hex characters (128 bits).
 */
public final class RequestDigest {
    private RequestDigest() {
    }

    /**
     * @param requestKey who asked and the request's id (see {@link Broker#publish(String,
     *     org.kindred.protocol.MemberInfo, String, String, long, String, java.util.function.Consumer)})
     * @param text the message's text as it would be delivered
     * @return 32 lowercase hex characters
     */
    public static String of(String requestKey, String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(requestKey.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
