package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A report for people whose counts come first and whose files with findings come before the
 * others (Markdown, HTML): each part is spilled to a temporary file as the results come ({@link
 * Spill}); {@link #finish} writes the head, then the parts.
 */
abstract class TwoPartReport implements ReportWriter {
  final PrintWriter out;
  final String title;
  private final Spill problems = new Spill();
  private final Spill clean = new Spill();

  TwoPartReport(PrintWriter out, String title) {
    this.out = out;
    this.title = title;
  }

  /** Writes what {@code file} adds to the two parts. */
  abstract void add(FileOutcome file, Writer problems, Writer clean) throws IOException;

  /** Writes the whole report, calling {@code problems} and {@code clean} where the parts go. */
  abstract void finish(Summary summary, Runnable problems, Runnable clean);

  @Override
  public final void add(FileOutcome file) {
    try {
      add(file, problems.writer(), clean.writer());
    } catch (IOException e) {
      discard();
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final void finish(Summary summary) {
    try {
      finish(summary, () -> copy(problems), () -> copy(clean));
      out.flush();
    } finally {
      discard();
    }
  }

  private void copy(Spill part) {
    out.flush();
    part.copyTo(out);
    out.flush();
  }

  private void discard() {
    problems.discard();
    clean.discard();
  }
}
