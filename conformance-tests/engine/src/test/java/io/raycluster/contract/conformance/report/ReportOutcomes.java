package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Outcomes of a made-up run, and a report of them written whole, for the format tests. */
final class ReportOutcomes {
  /** A property name as a hostile recording could carry it. */
  static final String HOSTILE = "<script>alert(1)</script>|*x*|@team";

  private ReportOutcomes() {}

  static FileOutcome valid(String path) {
    return new FileOutcome(path, List.of(new Outcome(path, null, null, Verdict.VALID, List.of())), 0);
  }

  static FileOutcome invalid(String path, Finding... findings) {
    return new FileOutcome(path, List.of(new Outcome(path, null, null, Verdict.INVALID, List.of(findings))), 0);
  }

  static FileOutcome unreadable(String path, String why) {
    return new FileOutcome(path, List.of(new Outcome(path, null, null, Verdict.UNREADABLE,
        List.of(new Finding("", "json", why)))), 0);
  }

  /** A HAR file: entry 0 valid, entry 2 invalid, one entry skipped. */
  static FileOutcome har(String path, Finding finding) {
    return new FileOutcome(path, List.of(
        new Outcome(path, 0, "GET /api/v1/a -> 200", Verdict.VALID, List.of()),
        new Outcome(path, 2, "GET /api/v1/b -> 200", Verdict.INVALID, List.of(finding))), 1);
  }

  static List<FileOutcome> run() {
    return List.of(
        valid("rec/a.json"),
        invalid("rec/b.json", new Finding("/workerSpec/1/maxReplica", "type", "expected integer, found string \"10\""),
            new Finding("/" + HOSTILE, "undeclared", "property \"" + HOSTILE + "\" is not declared")),
        unreadable("rec/c.json", "empty input: 0 bytes"),
        har("rec/d.har", new Finding("/state", "enum", "expected one of Starting, Running, found string \"Pending\"")));
  }

  static String write(ReportFormat format, List<FileOutcome> results, String title) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    ReportWriter w = format.open(out, title);
    results.forEach(w::add);
    w.finish(Summary.of(results));
    out.flush();
    return text.toString();
  }
}
