/**
 * Kindred's durable store, behind small interfaces so a PostgreSQL implementation can be
 * added without touching callers.
 *
 * <p>{@link org.kindred.server.store.Store} gives access to one interface per aggregate
 * (accounts, login tokens, bans, mutes, reports, escalations, held messages, audit log) and
 * states the guarantees every implementation keeps; {@code StoreContractTest} (test sources)
 * checks them and is extended by each implementation's test. The embedded implementation is
 * {@link org.kindred.server.store.jdbc.SqliteStore}: SQLite in WAL mode with
 * {@code synchronous=FULL}, schema by Flyway migrations in {@code db/migration/sqlite}.
 * Retention periods are a {@link org.kindred.server.store.StoreConfig}; callers run
 * {@link org.kindred.server.store.Store#purgeExpired(long)} periodically (e.g. hourly).
 */
package org.kindred.server.store;
