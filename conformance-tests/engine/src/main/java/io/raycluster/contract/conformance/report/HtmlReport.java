package io.raycluster.contract.conformance.report;

import static io.raycluster.contract.conformance.report.HtmlText.escape;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * One self-contained HTML page ({@link HtmlText}): a header with the summary line and the counts,
 * then the files with findings, each with a table of its findings (pointer, keyword, message; a
 * HAR file's entries one by one), then the list of files without findings. The two parts are
 * spilled to temporary files as the results come ({@link Spill}), since the counts come first.
 */
final class HtmlReport extends TwoPartReport {
  private int problemFiles;
  private int cleanFiles;

  HtmlReport(PrintWriter out, String title) {
    super(out, title);
  }

  @Override
  void add(FileOutcome file, Writer problems, Writer clean) throws IOException {
    Verdict worst = worst(file);
    if (worst == null || worst == Verdict.VALID) {
      cleanFiles++;
      clean.write(cleanItem(file, worst));
    } else {
      problemFiles++;
      writeProblem(problems, file, worst);
    }
  }

  @Override
  void finish(Summary summary, Runnable problems, Runnable clean) {
    HtmlText.begin(out, title + ": " + summary.line());
    out.println("<header>");
    out.println("<h1>" + escape(title) + "</h1>");
    out.println("<p class=\"summary\">" + escape(summary.line()) + "</p>");
    out.println("<ul class=\"counts\">");
    out.println(HtmlText.count("files", summary.files(), summary.files() == 1 ? "file" : "files"));
    out.println(HtmlText.count("valid", summary.valid(), "valid"));
    out.println(HtmlText.count("invalid", summary.invalid(), "invalid"));
    out.println(HtmlText.count("unreadable", summary.unreadable(), "unreadable"));
    out.println(HtmlText.count("skipped", summary.skipped(), "skipped"));
    out.println("</ul>");
    out.println("</header>");
    out.println("<main>");
    if (problemFiles > 0) {
      out.println("<h2>Files with findings (" + problemFiles + ")</h2>");
      problems.run();
    }
    if (cleanFiles > 0) {
      out.println("<h2>Files without findings (" + cleanFiles + ")</h2>");
      out.println("<ul class=\"valid-files\">");
      clean.run();
      out.println("</ul>");
    }
    if (problemFiles + cleanFiles == 0) {
      out.println("<p class=\"note\">No file was read.</p>");
    }
    out.println("</main>");
    HtmlText.end(out);
  }

  /** The worst verdict of a file's outcomes, or null when it has none (every HAR entry skipped). */
  private static Verdict worst(FileOutcome file) {
    Verdict worst = null;
    for (Outcome o : file.outcomes()) {
      if (worst == null || o.verdict().ordinal() > worst.ordinal()) {
        worst = o.verdict();
      }
    }
    return worst;
  }

  private static String badge(String verdict) {
    return "<span class=\"verdict " + verdict + "\">" + verdict + "</span> ";
  }

  private static String cleanItem(FileOutcome file, Verdict worst) {
    int entries = (int) file.outcomes().stream().filter(o -> o.entry() != null).count();
    String note = (entries > 0 ? " " + entries + (entries == 1 ? " HAR entry" : " HAR entries") : "")
        + (file.skipped() > 0 ? (entries > 0 ? "," : "") + " " + skipped(file.skipped()) : "");
    return "<li>" + badge(worst == null ? "skipped" : worst.label()) + "<code>" + escape(file.path()) + "</code>"
        + (note.isEmpty() ? "" : "<span class=\"note\">" + escape(note) + "</span>") + "</li>\n";
  }

  private static String skipped(int n) {
    return n + (n == 1 ? " HAR entry skipped (not a call of an operation of the spec)"
        : " HAR entries skipped (not calls of operations of the spec)");
  }

  private static void writeProblem(Writer w, FileOutcome file, Verdict worst) throws IOException {
    w.write("<section class=\"file\">\n<h3>" + badge(worst.label()) + "<code>" + escape(file.path())
        + "</code></h3>\n");
    for (Outcome o : file.outcomes()) {
      if (o.entry() != null) {
        w.write("<h4>" + badge(o.verdict().label()) + "entry " + o.entry()
            + (o.label() == null ? "" : " <code>" + escape(o.label()) + "</code>") + "</h4>\n");
      }
      if (!o.findings().isEmpty()) {
        w.write("<table class=\"findings\"><thead><tr><th>Pointer</th><th>Keyword</th><th>Message</th></tr></thead><tbody>\n");
        for (Finding f : o.findings()) {
          w.write("<tr><td><code>" + escape(f.pointer().isEmpty() ? "(body)" : f.pointer()) + "</code></td><td>"
              + escape(f.keyword()) + "</td><td>" + escape(f.message()) + "</td></tr>\n");
        }
        w.write("</tbody></table>\n");
      }
    }
    if (file.skipped() > 0) {
      w.write("<p class=\"note\">" + escape(skipped(file.skipped())) + "</p>\n");
    }
    w.write("</section>\n");
  }
}
