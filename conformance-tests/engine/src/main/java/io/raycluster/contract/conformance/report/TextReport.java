package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * One line per file or HAR entry ({@code VALID      path#entry  GET ... -> 200}), each finding
 * indented under it ({@code /pointer: message [keyword]}), then the summary line.
 */
final class TextReport {
  private TextReport() {}

  static void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
    for (FileOutcome file : results) {
      for (Outcome o : file.outcomes()) {
        out.print(pad(o.verdict().name()));
        out.print(o.name());
        if (o.label() != null) {
          out.print("  " + o.label());
        }
        out.println();
        for (Finding f : o.findings()) {
          out.println("    " + f + "  [" + f.keyword() + "]");
        }
      }
      if (file.skipped() > 0 || file.outcomes().isEmpty()) {
        out.println(String.format(Locale.ROOT, "%-10s  %s  %s", "SKIPPED", file.path(),
            file.skipped() == 1 ? "1 HAR entry: not a call of an operation of the spec"
                : file.skipped() + " HAR entries: not calls of operations of the spec"));
      }
    }
    out.println(summary.line());
  }

  /** The verdict padded to 12 columns (String.format is slow for 10,000 lines). */
  private static String pad(String verdict) {
    return verdict + "            ".substring(verdict.length());
  }
}
