package org.kindred.server.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server's data directory (database, fingerprint secret): created {@code 0700}, its files
 * {@code 0600}, where the file system has POSIX permissions.
 */
public final class DataDir {
    private DataDir() {
    }

    /**
     * Returns {@code dir}, creating it (and its parents) if missing; a directory created here
     * is readable by its owner only where the file system supports POSIX permissions. An
     * existing directory is left as it is.
     */
    public static Path ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectories(dir);
    }

    /** True where files have POSIX permissions (Linux, macOS); false on e.g. Windows. */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code file} empty and readable and writable by its owner only ({@code 0600})
     * when it does not exist yet, so that whatever fills it later never makes it readable by
     * others. An existing file is left as it is; without POSIX permissions the file is not created.
     *
     * @throws IOException when the file cannot be created
     */
    public static void createPrivateFile(Path file) throws IOException {
        if (!posix() || Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile (another process): restrict() below deals with it
        }
    }

    /**
     * Takes group and other permissions away from an existing file (POSIX only), e.g. a
     * database created by an older version with the process's default mask.
     *
     * @return true when the permissions were changed
     * @throws IOException when they cannot be read or changed
     */
    public static boolean restrict(Path file) throws IOException {
        if (!posix() || !Files.exists(file)) {
            return false;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> own = java.util.EnumSet.noneOf(
                java.nio.file.attribute.PosixFilePermission.class);
        for (var p : perms) {
            if (p.name().startsWith("OWNER_")) {
                own.add(p);
            }
        }
        if (own.equals(perms)) {
            return false;
        }
        Files.setPosixFilePermissions(file, own);
        return true;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");
}
