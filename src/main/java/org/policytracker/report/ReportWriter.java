package org.policytracker.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a built {@link StatusReport} in one format. Writers read only the report: no database access. */
public interface ReportWriter {

    ReportFormat format();

    void write(StatusReport report, OutputStream out) throws IOException;
}
