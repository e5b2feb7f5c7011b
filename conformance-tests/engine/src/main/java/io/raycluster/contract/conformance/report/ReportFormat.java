package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import java.io.PrintWriter;
import java.util.List;

/** The report formats of {@code validate --format}. */
public enum ReportFormat {
  TEXT {
    @Override
    public void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
      TextReport.write(results, summary, out);
    }
  },
  JSON {
    @Override
    public void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
      JsonReport.write(results, summary, out);
    }
  },
  JUNIT {
    @Override
    public void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
      JunitReport.write(results, summary, out);
    }
  };

  public abstract void write(List<FileOutcome> results, Summary summary, PrintWriter out);
}
