package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;

/**
 * A report written as the results come: each file's outcomes when {@link #add} is called (kept
 * in the output's buffer until {@link #flush}, so that a run of 100,000 files is not 100,000
 * writes), the summary at {@link #finish}. Nothing is held but what the format needs to finish (the JUnit
 * format spills its test cases to a temporary file, since its counts come first). Not
 * thread-safe: one writer, fed in the order the report lists the files.
 */
public interface ReportWriter {
  void add(FileOutcome file);

  /**
   * Pushes what was added so far through to the output (a caller about to wait for the next
   * result calls it, so that a reader sees each result without waiting for the run). Formats that
   * can only write at {@link #finish} (JUnit, whose counts come first) do nothing.
   */
  default void flush() {}

  /** Writes the end of the report; the writer is done after this. */
  void finish(Summary summary);
}
