package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.PrintableText;
import io.raycluster.contract.conformance.report.HtmlText;
import io.raycluster.contract.conformance.report.MarkdownText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What diff-doc found for one document (a reference page, or the vendor's API metadata);
 * {@link #exitCode()} is the command's exit status. Written as text, JSON, Markdown or HTML.
 */
public final class DriftReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String TITLE = "raycluster-conformance diff-doc";

  /** What was compared with the spec. */
  public enum DocumentKind {
    /** A reference page, saved as text or as HTML. */
    PAGE("page", "Page", "No drift: the page's request line, response table and JSON example match the spec."),
    /** The vendor's API metadata ({@code api-docs.json}). */
    METADATA("metadata", "Metadata", "No drift: the metadata's operations (path, method, parameters, response "
        + "properties with their types, formats and enums, response example) match the spec.");

    private final String word;
    private final String column;
    private final String noDrift;

    DocumentKind(String word, String column, String noDrift) {
      this.word = word;
      this.column = column;
      this.noDrift = noDrift;
    }

    /** {@code page} or {@code metadata}, as the JSON report's {@code kind}. */
    public String word() {
      return word;
    }
  }

  private final String source;
  private final DocumentKind kind;
  private final String spec;
  private final List<Finding> findings;

  private DriftReport(String source, DocumentKind kind, String spec, List<Finding> findings) {
    this.source = source;
    this.kind = kind;
    this.spec = spec;
    this.findings = List.copyOf(findings);
  }

  static DriftReport of(ReferencePage page, String spec, List<Finding> findings) {
    return new DriftReport(page.source(), DocumentKind.PAGE, spec, findings);
  }

  static DriftReport of(ApiMetadata metadata, String spec, List<Finding> findings) {
    return new DriftReport(metadata.source(), DocumentKind.METADATA, spec, findings);
  }

  /** The file compared, as given. */
  public String source() {
    return source;
  }

  public DocumentKind kind() {
    return kind;
  }

  public List<Finding> findings() {
    return findings;
  }

  public boolean hasDrift() {
    return !findings.isEmpty();
  }

  /** 0 when the document matches the spec, 1 when it drifted. */
  public int exitCode() {
    return hasDrift() ? 1 : 0;
  }

  /** {@code No drift: ...} or {@code Drift: 2 findings}. */
  private String verdict() {
    return findings.isEmpty() ? kind.noDrift
        : "Drift: " + findings.size() + (findings.size() == 1 ? " finding" : " findings");
  }

  /** The report for people: a summary line, then one line per finding. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("diff-doc ").append(PrintableText.escape(source)).append(" against ")
        .append(PrintableText.escape(spec)).append('\n').append(verdict()).append('\n');
    for (Finding f : findings) {
      // A finding quotes the document (a row's name): escaped, so it cannot forge a line.
      out.append("  ").append(PrintableText.escape(f.toText())).append('\n');
    }
    return out.toString();
  }

  /** The report for machines. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("page", source);
    root.put("kind", kind.word());
    root.put("spec", spec);
    root.put("result", hasDrift() ? "drift" : "no-drift");
    root.put("exitCode", exitCode());
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode node = list.addObject();
      node.put("kind", f.kind().name());
      node.put("location", f.location());
      node.put("message", f.message());
      if (f.line() > 0) {
        node.put("line", f.line());
      }
      if (!f.documented().isEmpty()) {
        node.put("documented", f.documented());
      }
      if (!f.specified().isEmpty()) {
        node.put("specified", f.specified());
      }
    }
    return root.toPrettyString() + "\n";
  }

  /**
   * GitHub-flavoured Markdown (a job summary, an issue): a heading naming the document and the
   * spec, the verdict, and a table of the findings with the document's side beside the spec's.
   */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(MarkdownText.escape(TITLE)).append("\n\n")
        .append(MarkdownText.code(source)).append(" (").append(kind.word()).append(") against ")
        .append(MarkdownText.code(spec)).append("\n\n")
        .append(hasDrift() ? "❌ **" : "✅ **").append(MarkdownText.escape(verdict())).append("**\n");
    if (hasDrift()) {
      out.append("\n| Finding | Location | ").append(kind.column).append(" | Spec | Message |\n")
          .append("| --- | --- | --- | --- | --- |\n");
      for (Finding f : findings) {
        out.append("| ").append(f.kind()).append(" | ").append(MarkdownText.code(f.location())).append(" | ")
            .append(MarkdownText.escape(documented(f))).append(" | ").append(MarkdownText.escape(f.specified()))
            .append(" | ").append(MarkdownText.escape(f.message())).append(" |\n");
      }
    }
    return out.toString();
  }

  /**
   * One self-contained HTML page: a header with the verdict and the counts by kind, then a table
   * of the findings, the document's element beside the spec's property.
   */
  public String toHtml() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    HtmlText.begin(out, TITLE + ": " + verdict());
    header(out, hasDrift() ? "drift" : "no-drift", verdict());
    out.println("<ul class=\"counts\">");
    out.println(HtmlText.count(hasDrift() ? "invalid" : "valid", findings.size(),
        findings.size() == 1 ? "finding" : "findings"));
    Map<Finding.Kind, Integer> byKind = new TreeMap<>();
    findings.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
    byKind.forEach((k, n) -> out.println(HtmlText.count("kind", n, k.name())));
    out.println("</ul>");
    out.println("</header>");
    out.println("<main>");
    if (hasDrift()) {
      out.println("<table class=\"drift\"><thead><tr><th>Finding</th><th>Location</th><th>" + kind.column
          + "</th><th>Spec</th><th>Message</th></tr></thead><tbody>");
      for (Finding f : findings) {
        out.println("<tr><td>" + f.kind() + "</td><td><code>" + HtmlText.escape(f.location()) + "</code></td><td>"
            + HtmlText.escape(documented(f)) + "</td><td>" + HtmlText.escape(f.specified()) + "</td><td>"
            + HtmlText.escape(f.message()) + "</td></tr>");
      }
      out.println("</tbody></table>");
    }
    out.println("</main>");
    HtmlText.end(out);
    out.flush();
    return text.toString();
  }

  private void header(PrintWriter out, String verdictClass, String verdict) {
    out.println("<header>");
    out.println("<h1>" + HtmlText.escape(TITLE) + "</h1>");
    out.println("<p class=\"summary\"><span class=\"verdict " + verdictClass + "\">"
        + verdictClass.replace('-', ' ') + "</span> " + HtmlText.escape(verdict) + "</p>");
    out.println("<p class=\"sources\">" + HtmlText.escape(kind.column) + ": <code>" + HtmlText.escape(source)
        + "</code><br>Spec: <code>" + HtmlText.escape(spec) + "</code></p>");
  }

  /** The document's side, with the line it comes from. */
  private static String documented(Finding f) {
    return f.documented() + (f.line() > 0 ? (f.documented().isEmpty() ? "" : " ") + "(line " + f.line() + ")" : "");
  }

  /** The JSON report for a document that could not be read (exit 2). */
  public static String unreadableJson(UnreadablePageException e) {
    ObjectNode root = JSON.createObjectNode();
    root.put("page", e.source());
    root.put("result", "unreadable");
    root.put("exitCode", 2);
    ArrayNode missing = root.putArray("missing");
    e.missing().forEach(missing::add);
    return root.toPrettyString() + "\n";
  }

  /** The Markdown report for a document that could not be read (exit 2). */
  public static String unreadableMarkdown(UnreadablePageException e) {
    StringBuilder out = new StringBuilder("### ").append(MarkdownText.escape(TITLE)).append("\n\n⚠️ **")
        .append(MarkdownText.escape(e.getMessage())).append("**\n\n");
    e.missing().forEach(m -> out.append("- ").append(MarkdownText.escape(m)).append('\n'));
    return out.toString();
  }

  /** The HTML report for a document that could not be read (exit 2). */
  public static String unreadableHtml(UnreadablePageException e) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    HtmlText.begin(out, TITLE + ": unreadable");
    out.println("<header>");
    out.println("<h1>" + HtmlText.escape(TITLE) + "</h1>");
    out.println("<p class=\"summary\"><span class=\"verdict unreadable\">unreadable</span> "
        + HtmlText.escape(e.getMessage()) + "</p>");
    out.println("</header>");
    out.println("<main><ul>");
    e.missing().forEach(m -> out.println("<li>" + HtmlText.escape(m) + "</li>"));
    out.println("</ul></main>");
    HtmlText.end(out);
    out.flush();
    return text.toString();
  }
}
