package org.kindred.server.store;

import java.util.List;
import java.util.Optional;

/** Reports of messages. Purged with their excerpts after the report retention period. */
public interface ReportStore {

    /** Records a report and returns it with its new id, status open. */
    Report add(NewReport report);

    Optional<Report> find(String id);

    /** Open reports, oldest first. */
    List<Report> listOpen();

    /** Closes an open report; false when unknown or already closed. */
    boolean close(String id, String closedBy, long at);
}
