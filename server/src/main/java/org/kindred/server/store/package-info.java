/**
 * Kindred's durable store, behind small interfaces with two implementations.
 *
 * <p>{@link org.kindred.server.store.Store} gives access to one interface per aggregate
 * (accounts, login tokens, bans, mutes, reports, escalations, held messages, audit log, pages)
 * and states the guarantees every implementation keeps; {@code StoreContractTest} and
 * {@code StoreClaimsContractTest} (test sources) check them and are extended by each
 * implementation's tests. The embedded implementation is
 * {@link org.kindred.server.store.jdbc.SqliteStore}: SQLite in WAL mode with
 * {@code synchronous=FULL}, schema by Flyway migrations in {@code db/migration/sqlite}. For
 * several nodes sharing one database there is {@link org.kindred.server.store.jdbc.PostgresStore}
 * (migrations in {@code db/migration/postgresql}); both run the same SQL statements, and
 * {@code Dialect} holds what differs. {@link org.kindred.server.store.jdbc.Stores#open} picks one.
 * Retention periods are a {@link org.kindred.server.store.StoreConfig}; callers run
 * {@link org.kindred.server.store.Store#purgeExpired(long)} periodically (e.g. hourly).
 */
package org.kindred.server.store;
