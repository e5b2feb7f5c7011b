package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;

/**
 * A report written as the results come: each file's outcomes when {@link #add} is called, the
 * summary at {@link #finish}. Nothing is held but what the format needs to finish (the JUnit
 * format spills its test cases to a temporary file, since its counts come first). Not
 * thread-safe: one writer, fed in the order the report lists the files.
 */
public interface ReportWriter {
  void add(FileOutcome file);

  /** Writes the end of the report; the writer is done after this. */
  void finish(Summary summary);
}
