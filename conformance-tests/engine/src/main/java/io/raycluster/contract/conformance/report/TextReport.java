package io.raycluster.contract.conformance.report;

import io.raycluster.contract.client.PrintableText;
import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line per file or HAR entry ({@code VALID      path#entry  GET ... -> 200}), each finding
 * indented under it ({@code /pointer: message [keyword]}), then the summary line.
 */
final class TextReport implements ReportWriter {
  private final PrintWriter out;

  TextReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void add(FileOutcome file) {
    for (Outcome o : file.outcomes()) {
      out.print(pad(o.verdict().name()));
      // Names, labels and findings quote the input (a property name, a pact's description):
      // escaped, so a recording cannot forge a line of the report or drive the terminal.
      out.print(PrintableText.escape(o.name()));
      if (o.label() != null) {
        out.print("  " + PrintableText.escape(o.label()));
      }
      out.println();
      for (Finding f : o.findings()) {
        out.println("    " + PrintableText.escape(f.toString()) + "  [" + PrintableText.escape(f.keyword()) + "]");
      }
    }
    if (file.skipped() > 0 || file.outcomes().isEmpty()) {
      out.println(String.format(Locale.ROOT, "%-10s  %s  %s", "SKIPPED", PrintableText.escape(file.path()),
          file.skipped() == 1 ? "1 HAR entry: not a call of an operation of the spec"
              : file.skipped() + " HAR entries: not calls of operations of the spec"));
    }
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void finish(Summary summary) {
    out.println(summary.line());
    out.flush();
  }

  /** The verdict padded to 12 columns (String.format is slow for 10,000 lines). */
  private static String pad(String verdict) {
    return verdict + "            ".substring(verdict.length());
  }
}
