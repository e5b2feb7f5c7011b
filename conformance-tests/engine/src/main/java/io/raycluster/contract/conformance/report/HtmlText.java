package io.raycluster.contract.conformance.report;

import io.raycluster.contract.client.PrintableText;
import java.io.PrintWriter;

/**
 * The pieces every HTML report of the project shares: escaping and the page around the report.
 * A report page is one self-contained file: its style is inline, it has no script, and its
 * Content-Security-Policy lets the browser load nothing else (no script, font, image or style
 * from anywhere), so it looks the same opened from a CI artifact, a mail or a disk.
 */
public final class HtmlText {
  private HtmlText() {}

  /**
   * {@code text} safe inside an element or a quoted attribute: control and text-reordering
   * characters shown as escapes ({@link PrintableText}), then {@code & < > " '} as entities.
   */
  public static String escape(String text) {
    String printable = PrintableText.escape(text == null ? "" : text);
    StringBuilder b = new StringBuilder(printable.length() + 16);
    for (int i = 0; i < printable.length(); i++) {
      char c = printable.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Writes the page up to and including {@code <body>}; {@code title} is text, escaped here. */
  public static void begin(PrintWriter out, String title) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"utf-8\">");
    out.println("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>" + escape(title) + "</title>");
    out.println("<style>");
    out.println(STYLE);
    out.println("</style>");
    out.println("</head>");
    out.println("<body>");
  }

  /** Writes the end of the page. */
  public static void end(PrintWriter out) {
    out.println("</body>");
    out.println("</html>");
  }

  /** One count of the header: {@code <li class="invalid"><b>2</b> invalid</li>}. */
  public static String count(String cssClass, long n, String what) {
    return "<li class=\"" + cssClass + "\"><b>" + n + "</b> " + escape(what) + "</li>";
  }

  private static final String STYLE = String.join("\n",
      "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1f2328;background:#fff}",
      "header{padding:16px 24px;border-bottom:1px solid #d0d7de;background:#f6f8fa}",
      "h1{font-size:20px;margin:0 0 6px}",
      "h2{font-size:17px;margin:24px 0 8px}",
      "h3{font-size:15px;margin:18px 0 6px;overflow-wrap:anywhere}",
      "h4{font-size:14px;margin:10px 0 4px;overflow-wrap:anywhere}",
      "main{padding:0 24px 24px}",
      ".summary{margin:0 0 8px}",
      ".counts{list-style:none;display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0}",
      ".counts li{padding:2px 10px;border-radius:12px;background:#eaeef2}",
      ".counts .valid,.verdict.valid,.verdict.no-drift{background:#dafbe1;color:#116329}",
      ".counts .invalid,.verdict.invalid,.verdict.drift{background:#ffebe9;color:#a40e26}",
      ".counts .unreadable,.verdict.unreadable{background:#fff8c5;color:#7d4e00}",
      ".verdict{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;"
          + "margin-right:6px;text-transform:uppercase;vertical-align:middle}",
      "table{border-collapse:collapse;width:100%;margin:4px 0 12px}",
      "th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}",
      "th{background:#f6f8fa;font-weight:600}",
      "code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}",
      ".note{color:#59636e}",
      "ul.valid-files{columns:2 32em;padding-left:20px}");
}
