package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JUnit XML (the Ant/Surefire dialect CI dashboards read): one {@code testcase} per file or HAR
 * entry; invalid is a {@code failure}, unreadable an {@code error}.
 */
final class JunitReport {
  private static final String SUITE = "raycluster-conformance.validate";

  private JunitReport() {}

  static void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    String counts = " tests=\"" + summary.total() + "\" failures=\"" + summary.invalid()
        + "\" errors=\"" + summary.unreadable() + "\" skipped=\"0\"";
    out.println("<testsuites name=\"raycluster-conformance\"" + counts + ">");
    out.println("  <testsuite name=\"" + SUITE + "\"" + counts + " time=\"0\">");
    for (FileOutcome file : results) {
      for (Outcome o : file.outcomes()) {
        out.print("    <testcase classname=\"" + SUITE + "\" name=\"" + xml(o.name()
            + (o.label() == null ? "" : " " + o.label())) + "\" time=\"0\"");
        if (o.verdict() == Verdict.VALID) {
          out.println("/>");
          continue;
        }
        out.println(">");
        String tag = o.verdict() == Verdict.INVALID ? "failure" : "error";
        String first = o.findings().isEmpty() ? o.verdict().label() : o.findings().get(0).toString();
        String body = o.findings().stream().map(f -> f + "  [" + f.keyword() + "]").collect(Collectors.joining("\n"));
        out.println("      <" + tag + " type=\"" + o.verdict().label() + "\" message=\"" + xml(first) + "\">"
            + xml(body) + "</" + tag + ">");
        out.println("    </testcase>");
      }
    }
    out.println("  </testsuite>");
    out.println("</testsuites>");
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
