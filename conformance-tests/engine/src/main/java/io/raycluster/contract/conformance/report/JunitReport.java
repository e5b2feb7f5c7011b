package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.stream.Collectors;

/**
 * JUnit XML (the Ant/Surefire dialect CI dashboards read): one {@code testcase} per file or HAR
 * entry; invalid is a {@code failure}, unreadable an {@code error}.
 */
final class JunitReport implements ReportWriter {
  private static final String SUITE = "raycluster-conformance.validate";

  private final PrintWriter out;
  /** The test cases, spilled as they come: the format puts the counts first. */
  private final Spill spill = new Spill();
  private final Writer cases = spill.writer();

  JunitReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void add(FileOutcome file) {
    try {
      for (Outcome o : file.outcomes()) {
        cases.write("    <testcase classname=\"" + SUITE + "\" name=\"" + xml(o.name()
            + (o.label() == null ? "" : " " + o.label())) + "\" time=\"0\"");
        if (o.verdict() == Verdict.VALID) {
          cases.write("/>\n");
          continue;
        }
        cases.write(">\n");
        String tag = o.verdict() == Verdict.INVALID ? "failure" : "error";
        String first = o.findings().isEmpty() ? o.verdict().label() : o.findings().get(0).toString();
        String body = o.findings().stream().map(f -> f + "  [" + f.keyword() + "]").collect(Collectors.joining("\n"));
        cases.write("      <" + tag + " type=\"" + o.verdict().label() + "\" message=\"" + xml(first) + "\">"
            + xml(body) + "</" + tag + ">\n");
        cases.write("    </testcase>\n");
      }
    } catch (IOException e) {
      spill.discard();
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish(Summary summary) {
    try {
      out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      String counts = " tests=\"" + summary.total() + "\" failures=\"" + summary.invalid()
          + "\" errors=\"" + summary.unreadable() + "\" skipped=\"0\"";
      out.println("<testsuites name=\"raycluster-conformance\"" + counts + ">");
      out.println("  <testsuite name=\"" + SUITE + "\"" + counts + " time=\"0\">");
      out.flush();
      spill.copyTo(out);
      out.println("  </testsuite>");
      out.println("</testsuites>");
      out.flush();
    } finally {
      spill.discard();
    }
  }

  /** Escapes for XML text and attributes; drops characters XML 1.0 cannot carry. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\n' -> b.append("&#10;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              b.append(c);
            }
          }
        }
      }
    }
    return b.toString();
  }
}
