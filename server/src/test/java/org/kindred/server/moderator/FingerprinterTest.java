package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprinterTest {
    @TempDir
    Path tmp;

    private static InetAddress ip(String s) throws IOException {
        return InetAddress.getByName(s);
    }

    private static Fingerprinter withSecret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new Fingerprinter(secret);
    }

    @Test
    void ipv4IsTakenWhole() throws IOException {
        Fingerprinter f = withSecret(1);
        String a = f.fingerprint(ip("203.0.113.7"));
        assertEquals(a, f.fingerprint(ip("203.0.113.7")));
        assertNotEquals(a, f.fingerprint(ip("203.0.113.8")));
        assertNotEquals(a, f.fingerprint(ip("198.51.100.7")));
        assertTrue(a.matches("[0-9a-f]{32}"));
        assertFalse(a.contains("203"));
    }

    @Test
    void ipv6IsTakenAtSlash64() throws IOException {
        Fingerprinter f = withSecret(1);
        String a = f.fingerprint(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals(a, f.fingerprint(ip("2001:db8:1:2::1")), "same /64");
        assertEquals(a, f.fingerprint(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        assertNotEquals(a, f.fingerprint(ip("2001:db8:1:3::1")), "next /64");
        assertNotEquals(a, f.fingerprint(ip("2001:db9:1:2::1")));
    }

    @Test
    void anIpv4MappedAddressCountsAsItsIpv4Address() throws IOException {
        Fingerprinter f = withSecret(1);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 203;
        mapped[14] = (byte) 113;
        mapped[15] = 7;
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(f.fingerprint(ip("203.0.113.7")), f.fingerprint(v6));
        assertNotEquals(f.fingerprint(ip("0.0.0.0")), f.fingerprint(ip("::")),
                "IPv4 and IPv6 are kept apart");
    }

    @Test
    void anotherSecretGivesOtherFingerprints() throws IOException {
        assertNotEquals(withSecret(1).fingerprint(ip("203.0.113.7")),
                withSecret(2).fingerprint(ip("203.0.113.7")));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(new byte[16]));
    }

    @Test
    void theSecretIsReadableByTheOwnerOnlyAndAnOldLooseOneIsRestricted() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions, so there is nothing to check");
        Path dataDir = tmp.resolve("data");
        Fingerprinter.open(dataDir);
        Path secret = dataDir.resolve(Fingerprinter.SECRET_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Fingerprinter.open(dataDir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    }

    @Test
    void theSecretIsCreatedOnceAndKeptInTheDataDirectory() throws IOException {
        Path dataDir = tmp.resolve("data");
        String first = Fingerprinter.open(dataDir).fingerprint(ip("2001:db8::1"));
        Path secret = dataDir.resolve(Fingerprinter.SECRET_FILE);
        byte[] bytes = Files.readAllBytes(secret);
        assertEquals(32, bytes.length);
        assertEquals(first, Fingerprinter.open(dataDir).fingerprint(ip("2001:db8::1")),
                "a second instance reads the same secret");
        assertArrayEquals(bytes, Files.readAllBytes(secret));
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assertNotEquals(first, Fingerprinter.open(tmp.resolve("other")).fingerprint(ip("2001:db8::1")),
                "another data directory, another secret");
    }

    @Test
    void aDamagedSecretIsReportedNotReplaced() throws IOException {
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir);
        Files.write(dataDir.resolve(Fingerprinter.SECRET_FILE), new byte[5]);
        assertThrows(IOException.class, () -> Fingerprinter.open(dataDir));
        assertEquals(5, Files.size(dataDir.resolve(Fingerprinter.SECRET_FILE)));
    }
}
