package org.kindred.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements on one borrowed connection, for the duration of one {@link Db} unit of work.
 * Parameters are bound by their Java type: {@code String}, {@code Long}, {@code Integer},
 * {@code Boolean} (stored as 0/1), an enum (stored by name) or null.
 *
 * <p>Text is stored as given, except U+0000, which PostgreSQL cannot hold in a text column:
 * it is stored as U+FFFD on every database, so both stores behave the same.
 */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection conn;
    private final Dialect dialect;

    Sql(Connection conn, Dialect dialect) {
        this.conn = conn;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated integer key, read from {@code keyColumn}. */
    long insertReturningKey(String sql, String keyColumn, Object... params) throws SQLException {
        try (PreparedStatement ps = dialect.prepareReturningKey(conn, sql, keyColumn)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key");
                }
                return keys.getLong(1);
            }
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A single text value of a parameterless query, e.g. a PRAGMA; for diagnostics and tests. */
    String queryString(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int idx = i + 1;
            if (p == null) {
                ps.setNull(idx, Types.NULL);
            } else if (p instanceof String s) {
                ps.setString(idx, s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD'));
            } else if (p instanceof Long l) {
                ps.setLong(idx, l);
            } else if (p instanceof Integer n) {
                ps.setInt(idx, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(idx, b ? 1 : 0);
            } else if (p instanceof Enum<?> e) {
                ps.setString(idx, e.name());
            } else {
                throw new SQLException("cannot bind a " + p.getClass().getSimpleName());
            }
        }
    }

    /** Reads a nullable BIGINT column. */
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
