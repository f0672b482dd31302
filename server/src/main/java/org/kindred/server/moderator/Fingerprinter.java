package org.kindred.server.moderator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kindred.server.store.DataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network fingerprints: a keyed hash (HMAC-SHA256) of a client's address with a server
 * secret, so a ban can cover a network without the address ever being stored. An IPv4
 * address is taken whole; an IPv6 address by its /64 prefix (one home or device network);
 * an IPv4-mapped IPv6 address counts as its IPv4 address. The result is 32 hex characters
 * (128 bits of the MAC). Without the secret, a fingerprint cannot be turned back into an
 * address by trying all of them.
 *
 * <p>The secret is {@value #SECRET_FILE} in the data directory: 32 random bytes made on
 * first start, readable by the owner only where the file system supports it. Several nodes
 * of a cluster must share one secret instead ({@code --secret-key-file}, read by
 * {@code config.SecretKeyFile} and given to {@link #Fingerprinter(byte[])}): with a secret per
 * node, one address has a different fingerprint on each node and a network ban made on one
 * does not hold on the others. Losing the secret makes every fingerprint ban stop matching.
 * Neither addresses nor the secret are ever logged. Thread-safe.
 */
public final class Fingerprinter {
    public static final String SECRET_FILE = "secret.key";
    static final int SECRET_BYTES = 32;
    private static final int FINGERPRINT_BYTES = 16;
    private static final String MAC = "HmacSHA256";
    private static final Logger LOG = LoggerFactory.getLogger(Fingerprinter.class);

    private final SecretKeySpec key;

    /** A fingerprinter with the given secret (at least 32 bytes). */
    public Fingerprinter(byte[] secret) {
        if (secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("the secret needs at least " + SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), MAC);
    }

    /** Loads the secret from {@code dataDir}, creating it (and the directory) on first start. */
    public static Fingerprinter open(Path dataDir) throws IOException {
        return new Fingerprinter(loadOrCreateSecret(dataDir));
    }

    /** The fingerprint of an address. */
    public String fingerprint(InetAddress address) {
        Objects.requireNonNull(address, "address");
        byte[] input = canonical(address.getAddress());
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            byte[] out = mac.doFinal(input);
            return HexFormat.of().formatHex(out, 0, FINGERPRINT_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is not available in this JDK", e);
        }
    }

    /** A family tag and the bytes that identify the network: IPv4 whole, IPv6 its /64. */
    static byte[] canonical(byte[] raw) {
        if (raw.length == 4) {
            return tagged((byte) 4, raw);
        }
        if (raw.length == 16 && isIpv4Mapped(raw)) {
            return tagged((byte) 4, Arrays.copyOfRange(raw, 12, 16));
        }
        if (raw.length == 16) {
            return tagged((byte) 6, Arrays.copyOf(raw, 8));
        }
        throw new IllegalArgumentException("not an IPv4 or IPv6 address");
    }

    private static boolean isIpv4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    private static byte[] tagged(byte tag, byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = tag;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    static byte[] loadOrCreateSecret(Path dataDir) throws IOException {
        Path file = dataDir.resolve(SECRET_FILE);
        if (Files.exists(file)) {
            if (DataDir.restrict(file)) {
                LOG.warn("{} was readable by other users; now readable by its owner only", SECRET_FILE);
            }
            return read(file);
        }
        DataDir.ensure(dataDir);
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Path tmp = createPrivateTempFile(dataDir);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(secret));
                ch.force(true);
            }
            Files.createLink(file, tmp); // atomic, and never replaces a secret made meanwhile
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (UnsupportedOperationException e) {
            Files.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dataDir);
        LOG.info("created a new fingerprint secret in the data directory");
        return secret;
    }

    private static byte[] read(Path file) throws IOException {
        byte[] secret = Files.readAllBytes(file);
        if (secret.length != SECRET_BYTES) {
            throw new IOException(SECRET_FILE + " in the data directory is damaged (expected "
                    + SECRET_BYTES + " bytes); restore it from a backup");
        }
        return secret;
    }

    private static Path createPrivateTempFile(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, SECRET_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, SECRET_FILE, ".tmp");
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the file itself was synced
        }
    }
}
