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
import java.util.concurrent.locks.ReentrantLock;
import org.kindred.server.store.StoreException;

/**
 * One JDBC connection shared by every thread, guarded by a fair lock: one statement or
 * transaction at a time. With autocommit on, each single statement is its own transaction
 * and is committed (and synced, per the connection's settings) before the call returns.
 *
 * <p>Why one connection: SQLite allows one writer at a time anyway, and the store's traffic
 * (moderator actions, reports, ban look-ups at {@code hello}/{@code join}) is light; a
 * single connection keeps transactions simple and avoids SQLITE_BUSY between our own
 * threads. Another process (the {@code moderators} admin command) may write the same file
 * meanwhile; a busy timeout on the connection covers that.
 */
final class Db implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Db db) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;

    Db(Connection conn) {
        this.conn = conn;
    }

    /** Runs one unit of work: autocommit, so each statement commits on its own. */
    <T> T call(Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(this);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: committed whole on return, rolled back on any failure. */
    <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            conn.setAutoCommit(false);
            try {
                T result = work.run(this);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated integer key. */
    long insertReturningKey(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
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

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A single text value of a query, e.g. a PRAGMA; for diagnostics and tests. */
    String queryString(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                conn.close();
            }
        } catch (SQLException e) {
            throw new StoreException("could not close the database", e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int idx = i + 1;
            if (p == null) {
                ps.setNull(idx, Types.NULL);
            } else if (p instanceof String s) {
                ps.setString(idx, s);
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
