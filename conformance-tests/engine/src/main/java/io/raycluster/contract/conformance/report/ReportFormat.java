package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import java.io.PrintWriter;
import java.util.List;

/** The report formats of {@code validate --format} and {@code validate-pact --format}. */
public enum ReportFormat {
  TEXT {
    @Override
    public ReportWriter open(PrintWriter out, String title) {
      return new TextReport(out);
    }
  },
  JSON {
    @Override
    public ReportWriter open(PrintWriter out, String title) {
      return new JsonReport(out);
    }
  },
  JUNIT {
    @Override
    public ReportWriter open(PrintWriter out, String title) {
      return new JunitReport(out);
    }
  },
  /** GitHub-flavoured Markdown, compact, for a CI job's summary. */
  MARKDOWN {
    @Override
    public ReportWriter open(PrintWriter out, String title) {
      return new MarkdownReport(out, title);
    }
  },
  /** One self-contained HTML page, to look at in a browser. */
  HTML {
    @Override
    public ReportWriter open(PrintWriter out, String title) {
      return new HtmlReport(out, title);
    }
  };

  /** The title the Markdown and HTML reports carry when none is given. */
  public static final String DEFAULT_TITLE = "raycluster-conformance validate";

  /**
   * A writer that writes this format to {@code out} as results are added; {@code title} heads
   * the Markdown and HTML reports (the command that made it, such as {@code raycluster-conformance
   * validate-pact}).
   */
  public abstract ReportWriter open(PrintWriter out, String title);

  /** {@link #open(PrintWriter, String)} with the {@link #DEFAULT_TITLE}. */
  public ReportWriter open(PrintWriter out) {
    return open(out, DEFAULT_TITLE);
  }

  /** The whole report of {@code results} at once. */
  public void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
    ReportWriter w = open(out);
    results.forEach(w::add);
    w.finish(summary);
  }
}
