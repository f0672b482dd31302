package org.kindred.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.kindred.server.store.StoreException;

/**
 * Runs the store's units of work on connections from a {@link Connections} source and turns
 * every {@link SQLException} into a {@link StoreException}.
 *
 * <ul>
 *   <li>{@link #single}: one connection shared by every thread behind a fair lock, one statement
 *       or transaction at a time (SQLite: one writer at a time anyway, and no SQLITE_BUSY between
 *       our own threads; another process such as the admin command is covered by a busy timeout).</li>
 *   <li>{@link #pooled}: a connection pool (PostgreSQL); each unit of work borrows a connection
 *       and gives it back, so units run in parallel and the database orders them.</li>
 * </ul>
 */
final class Db implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    /** Where connections come from and go back to. */
    interface Connections {
        Connection borrow() throws SQLException;

        void giveBack(Connection c);

        void close() throws SQLException;
    }

    private final Connections connections;
    private final Dialect dialect;
    private volatile boolean closed;

    private Db(Connections connections, Dialect dialect) {
        this.connections = connections;
        this.dialect = dialect;
    }

    /** One connection for every thread, taken in turn (fair lock). */
    static Db single(Connection conn, Dialect dialect) {
        ReentrantLock lock = new ReentrantLock(true);
        return new Db(new Connections() {
            @Override
            public Connection borrow() {
                lock.lock();
                return conn;
            }

            @Override
            public void giveBack(Connection c) {
                lock.unlock();
            }

            @Override
            public void close() throws SQLException {
                lock.lock();
                try {
                    conn.close();
                } finally {
                    lock.unlock();
                }
            }
        }, dialect);
    }

    /** Connections borrowed from {@code pool}; {@code closer} shuts the pool down. */
    static Db pooled(DataSource pool, AutoCloseable closer, Dialect dialect) {
        return new Db(new Connections() {
            @Override
            public Connection borrow() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void giveBack(Connection c) {
                try {
                    c.close(); // back to the pool, which rolls back anything left open
                } catch (SQLException e) {
                    // a broken connection: the pool drops it
                }
            }

            @Override
            public void close() throws SQLException {
                try {
                    closer.close();
                } catch (SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SQLException("could not close the pool", e);
                }
            }
        }, dialect);
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs one unit of work in autocommit: each statement commits on its own. */
    <T> T call(Work<T> work) {
        ensureOpen();
        Connection c = borrow();
        try {
            ensureOpen();
            return work.run(new Sql(c, dialect));
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            connections.giveBack(c);
        }
    }

    /** Runs work in one transaction: committed whole on return, rolled back on any failure. */
    <T> T transaction(Work<T> work) {
        ensureOpen();
        Connection c = borrow();
        try {
            ensureOpen();
            c.setAutoCommit(false);
            try {
                T result = work.run(new Sql(c, dialect));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            connections.giveBack(c);
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connections.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the database", e);
        }
    }

    private Connection borrow() {
        try {
            return connections.borrow();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    /**
     * The store's view of a database error: unreachable (the connection could not be made or
     * was lost: SQLState class 08, or no connection within the pool's timeout) or another
     * error. The message names the kind and SQLState; database messages carry no stored values
     * (the PostgreSQL driver is told not to include the server's details).
     */
    static StoreException failure(SQLException e) {
        String state = e.getSQLState();
        boolean unreachable = (state != null && state.startsWith("08"))
                || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException;
        String what = unreachable ? "the database is unreachable" : "database error";
        return new StoreException(what + (state == null ? "" : " (SQLState " + state + ")") + ": "
                + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken; the pool (or the next call) finds out
        }
    }
}
