/**
 * The value file and the bulk import: many values at once from a CSV or XLSX file, all or nothing; the
 * export of the values as the same file; the XLSX template to fill in.
 *
 * <h2>One file format</h2>
 * {@link org.policytracker.observation.imports.ValueFile} lists the columns once: the template writes
 * them, the export writes them ({@link org.policytracker.observation.imports.ValueFileWriter}, streamed
 * from {@link org.policytracker.observation.imports.ValueExportQuery}'s cursor) and the import reads
 * them ({@link org.policytracker.observation.imports.ImportHeader}). The value's own columns are the
 * fields of {@link org.policytracker.observation.Figure}; an unedited export imports back and changes
 * nothing.
 *
 * <h2>A job, from upload to its end</h2>
 *
 * <pre>
 *  POST /api/observations/imports
 *    ImportResource ── ImportService: the body to the job's file (ImportFiles: data dir/imports/<job id>.csv|xlsx),
 *                      an import_job row (QUEUED), the job
 *                      run at once (wait=true) or on the import executor (at most max-parallel at once)
 *    ImportRunner.run
 *      pass 1  ValidationPass   reads every row (ObservationRows → RowParser → ObservationRules), looks up
 *                               the stored values a batch at a time (ObservationStore.find, no lock, a
 *                               connection outside any transaction) and decides each row by Observation's
 *                               rules (ImportMode.revise) on copies it throws away. Writes nothing.
 *                               Any error → REJECTED with every error; dryRun → SUCCEEDED with the summary.
 *      pass 2  WritePass        reads the file again in ONE transaction (timeout write-timeout): per batch,
 *                               the stored rows locked (FOR UPDATE), the same decisions, ObservationStore's
 *                               JDBC batches (observation, vintages, audit). The job's SUCCEEDED commits
 *                               with the data; a row that became invalid meanwhile → REJECTED, rolled back.
 *    progress  ImportJobs.save  counters every progress-every rows, each in a short transaction of its own
 *                               (REQUIRES_NEW), so any instance can answer GET /api/observations/imports/{id}
 *                               while the write transaction is still open.
 *    ImportWatchdog             keeps the heartbeat of the jobs this instance holds; marks FAILED the
 *                               unfinished jobs whose instance died; on shutdown, lets running ones finish
 *                               within shutdown-grace, then stops them at a checkpoint (rolled back); at start
 *                               and each beat, removes the files of final jobs and of uploads no job was
 *                               recorded for (ImportFiles.sweep), what a killed instance leaves behind.
 * </pre>
 *
 * Only the current batch of rows is in memory, never the file. A single value entered through
 * {@code POST /api/indicators/{code}/observations} goes through the same rules and the same
 * {@code ObservationStore}: the rows it leaves are those an import of the same row leaves.
 */
package org.policytracker.observation.imports;
