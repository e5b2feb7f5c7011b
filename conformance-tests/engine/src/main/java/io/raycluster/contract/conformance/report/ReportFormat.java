package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import java.io.PrintWriter;
import java.util.List;

/** The report formats of {@code validate --format}. */
public enum ReportFormat {
  TEXT {
    @Override
    public ReportWriter open(PrintWriter out) {
      return new TextReport(out);
    }
  },
  JSON {
    @Override
    public ReportWriter open(PrintWriter out) {
      return new JsonReport(out);
    }
  },
  JUNIT {
    @Override
    public ReportWriter open(PrintWriter out) {
      return new JunitReport(out);
    }
  };

  /** A writer that writes this format to {@code out} as results are added. */
  public abstract ReportWriter open(PrintWriter out);

  /** The whole report of {@code results} at once. */
  public void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
    ReportWriter w = open(out);
    results.forEach(w::add);
    w.finish(summary);
  }
}
