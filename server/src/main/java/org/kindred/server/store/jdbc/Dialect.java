package org.kindred.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the SQL databases the store runs on. Everything else (the statements
 * of the {@code Jdbc*Store} classes) is shared: both databases accept the same DML, including
 * {@code INSERT … ON CONFLICT} upserts (SQLite since 3.24).
 *
 * <ul>
 *   <li>schema: one Flyway migration folder per database ({@link #migrations}), because the
 *       audit log's ever-increasing id is {@code AUTOINCREMENT} on SQLite and an identity column
 *       on PostgreSQL, and PostgreSQL sorts text by byte ({@code COLLATE "C"}, as SQLite does)
 *       only when told;</li>
 *   <li>generated keys ({@link #prepareReturningKey});</li>
 *   <li>row locks for claims ({@link #skipLocked}): PostgreSQL locks the rows a claim reads so that
 *       concurrent nodes skip them; SQLite has one writer at a time and its claims start with
 *       {@code BEGIN IMMEDIATE}, so it needs none.</li>
 * </ul>
 */
enum Dialect {
    SQLITE("classpath:db/migration/sqlite", ""),
    POSTGRESQL("classpath:db/migration/postgresql", " FOR UPDATE SKIP LOCKED");

    /** The Flyway location of this database's migrations. */
    final String migrations;
    /** Appended to a claim's {@code SELECT}: locks the rows read, skipping rows another transaction holds. */
    final String skipLocked;

    Dialect(String migrations, String skipLocked) {
        this.migrations = migrations;
        this.skipLocked = skipLocked;
    }

    /** An {@code INSERT} statement whose generated {@code keyColumn} can be read back. */
    PreparedStatement prepareReturningKey(Connection conn, String sql, String keyColumn) throws SQLException {
        if (this == SQLITE) {
            return conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS); // last_insert_rowid()
        }
        return conn.prepareStatement(sql, new String[] {keyColumn}); // RETURNING keyColumn
    }
}
