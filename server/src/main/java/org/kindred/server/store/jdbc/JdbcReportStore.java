package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.kindred.protocol.ReportReason;
import org.kindred.server.common.Ids;
import org.kindred.server.store.NewReport;
import org.kindred.server.store.Report;
import org.kindred.server.store.ReportStatus;
import org.kindred.server.store.ReportStore;

final class JdbcReportStore implements ReportStore {
    private static final String COLUMNS = "id, room, msg_id, reporter_id, reported_id, reason, note,"
            + " excerpt, created_at, status, closed_by, closed_at";

    private final Db db;

    JdbcReportStore(Db db) {
        this.db = db;
    }

    @Override
    public Report add(NewReport r) {
        Report report = new Report(Ids.newId("rep"), r.room(), r.msgId(), r.reporterId(),
                r.reportedId(), r.reason(), r.note(), r.excerpt(), r.createdAt(), ReportStatus.OPEN,
                null, null);
        db.call(d -> d.update("INSERT INTO report (" + COLUMNS + ") VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                report.id(), report.room(), report.msgId(), report.reporterId(), report.reportedId(),
                report.reason(), report.note(), report.excerpt(), report.createdAt(),
                report.status(), null, null));
        return report;
    }

    @Override
    public Optional<Report> find(String id) {
        return db.call(d -> d.queryOne("SELECT " + COLUMNS + " FROM report WHERE id = ?",
                JdbcReportStore::map, id));
    }

    @Override
    public List<Report> listOpen() {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM report WHERE status = ?"
                + " ORDER BY created_at, id", JdbcReportStore::map, ReportStatus.OPEN));
    }

    @Override
    public boolean close(String id, String closedBy, long at) {
        return db.call(d -> d.update("UPDATE report SET status = ?, closed_by = ?, closed_at = ?"
                        + " WHERE id = ? AND status = ?",
                ReportStatus.CLOSED, closedBy, at, id, ReportStatus.OPEN) == 1);
    }

    private static Report map(ResultSet rs) throws SQLException {
        return new Report(rs.getString("id"), rs.getString("room"), rs.getString("msg_id"),
                rs.getString("reporter_id"), rs.getString("reported_id"),
                ReportReason.valueOf(rs.getString("reason")), rs.getString("note"),
                rs.getString("excerpt"), rs.getLong("created_at"),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("closed_by"),
                Sql.nullableLong(rs, "closed_at"));
    }
}
