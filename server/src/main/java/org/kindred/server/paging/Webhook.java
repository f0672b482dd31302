package org.kindred.server.paging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One configured webhook target.
 *
 * @param url        where pages are POSTed (http or https)
 * @param format     the body shape
 * @param routingKey the PagerDuty integration key (only for {@link PageFormat#PAGERDUTY}), else null
 */
public record Webhook(URI url, PageFormat format, String routingKey) {
    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
    }

    /**
     * A stable key of this target for the store and the audit log: the format and 12 hex digits of
     * a SHA-256 of the URL and routing key, so neither (both may be secrets) is ever written down.
     */
    public String key() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(
                    (format.id() + "\n" + url + "\n" + (routingKey == null ? "" : routingKey))
                            .getBytes(StandardCharsets.UTF_8));
            return format.id() + ":" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "Webhook[" + key() + "]"; // never the URL or key
    }
}
