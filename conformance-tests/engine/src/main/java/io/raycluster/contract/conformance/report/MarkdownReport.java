package io.raycluster.contract.conformance.report;

import static io.raycluster.contract.conformance.report.MarkdownText.code;
import static io.raycluster.contract.conformance.report.MarkdownText.escape;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * GitHub-flavoured Markdown for a job summary or an issue: a heading, the summary line, then one
 * table row per file or HAR entry (verdict, file, findings with their pointers), the ones with
 * findings first. Compact by design (GitHub keeps at most 1 MiB of a step's summary): past
 * {@link #MAX_PROBLEM_ROWS} rows with findings, {@link #MAX_FINDINGS} findings in a row or
 * {@link #MAX_VALID_ROWS} valid rows, a row says how many more there are.
 */
final class MarkdownReport extends TwoPartReport {
  static final int MAX_PROBLEM_ROWS = 200;
  static final int MAX_FINDINGS = 10;
  static final int MAX_VALID_ROWS = 50;

  private int problemRows;
  private int cleanRows;

  MarkdownReport(PrintWriter out, String title) {
    super(out, title);
  }

  @Override
  void add(FileOutcome file, Writer problems, Writer clean) throws IOException {
    for (Outcome o : file.outcomes()) {
      if (o.verdict() == Verdict.VALID) {
        if (cleanRows++ < MAX_VALID_ROWS) {
          clean.write(row("✅ valid", o, ""));
        }
      } else if (problemRows++ < MAX_PROBLEM_ROWS) {
        problems.write(row(o.verdict() == Verdict.INVALID ? "❌ invalid" : "⚠️ unreadable", o, findings(o)));
      }
    }
    if (file.outcomes().isEmpty() && cleanRows++ < MAX_VALID_ROWS) {
      clean.write("| ➖ skipped | " + code(file.path()) + " | " + file.skipped()
          + " HAR entries: not calls of operations of the spec |\n");
    }
  }

  @Override
  void finish(Summary summary, Runnable problems, Runnable clean) {
    out.println("### " + escape(title));
    out.println();
    out.println((summary.allValid() && summary.total() > 0 ? "✅ " : "❌ ") + "**" + escape(summary.line()) + "**");
    out.println();
    if (problemRows + cleanRows > 0) {
      out.println("| Verdict | File | Findings |");
      out.println("| --- | --- | --- |");
      problems.run();
      if (problemRows > MAX_PROBLEM_ROWS) {
        out.println("| … | " + (problemRows - MAX_PROBLEM_ROWS) + " more with findings | see the full report (text, JSON, JUnit or HTML) |");
      }
      clean.run();
      if (cleanRows > MAX_VALID_ROWS) {
        out.println("| … | " + (cleanRows - MAX_VALID_ROWS) + " more valid or skipped | |");
      }
    }
  }

  private static String row(String verdict, Outcome o, String findings) {
    return "| " + verdict + " | " + code(o.name()) + (o.label() == null ? "" : " " + escape(o.label()))
        + " | " + findings + " |\n";
  }

  private static String findings(Outcome o) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Finding f : o.findings()) {
      if (n == MAX_FINDINGS) {
        b.append("<br>… and ").append(o.findings().size() - MAX_FINDINGS).append(" more");
        break;
      }
      if (n++ > 0) {
        b.append("<br>");
      }
      b.append(code(f.pointer().isEmpty() ? "(body)" : f.pointer())).append(' ').append(escape(f.message()))
          .append(" (").append(escape(f.keyword())).append(')');
    }
    return b.toString();
  }
}
