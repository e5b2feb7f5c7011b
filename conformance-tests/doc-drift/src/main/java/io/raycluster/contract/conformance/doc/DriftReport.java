package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.PrintableText;
import java.util.List;

/** What diff-doc found for one page; {@link #exitCode()} is the command's exit status. */
public final class DriftReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ReferencePage page;
  private final String spec;
  private final List<Finding> findings;

  DriftReport(ReferencePage page, String spec, List<Finding> findings) {
    this.page = page;
    this.spec = spec;
    this.findings = List.copyOf(findings);
  }

  public ReferencePage page() {
    return page;
  }

  public List<Finding> findings() {
    return findings;
  }

  public boolean hasDrift() {
    return !findings.isEmpty();
  }

  /** 0 when the page matches the spec, 1 when it drifted. */
  public int exitCode() {
    return hasDrift() ? 1 : 0;
  }

  /** The report for people: a summary line, then one line per finding. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("diff-doc ").append(PrintableText.escape(page.source())).append(" against ")
        .append(PrintableText.escape(spec)).append('\n');
    if (findings.isEmpty()) {
      out.append("No drift: the page's request line, response table and JSON example match the spec.\n");
      return out.toString();
    }
    out.append("Drift: ").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
        .append('\n');
    for (Finding f : findings) {
      // A finding quotes the page (a row's name): escaped, so the page cannot forge a line.
      out.append("  ").append(PrintableText.escape(f.toText())).append('\n');
    }
    return out.toString();
  }

  /** The report for machines. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("page", page.source());
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
    }
    return root.toPrettyString() + "\n";
  }

  /** The JSON report for a page that could not be read (exit 2). */
  public static String unreadableJson(UnreadablePageException e) {
    ObjectNode root = JSON.createObjectNode();
    root.put("page", e.source());
    root.put("result", "unreadable");
    root.put("exitCode", 2);
    ArrayNode missing = root.putArray("missing");
    e.missing().forEach(missing::add);
    return root.toPrettyString() + "\n";
  }
}
