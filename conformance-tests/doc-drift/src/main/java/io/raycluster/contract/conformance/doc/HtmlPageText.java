package io.raycluster.contract.conformance.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A reference page saved as HTML by a browser ("Save page as...") rendered to the text a person
 * sees, in the layout of the page's text copy: each block (a paragraph, a heading, a table cell,
 * a list item) on lines of its own, list items with a bullet, preformatted text (the JSON
 * example) as written, whitespace elsewhere collapsed as a browser does, and what a browser does
 * not show (scripts, styles, templates, hidden elements) left out. The HTML is read by jsoup, a
 * real HTML5 parser, with positions kept, so that each line of the text knows the line of the
 * file it comes from.
 */
final class HtmlPageText {
  /** Elements that start and end a line of their own. */
  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body",
      "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
      "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
      "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
      "thead", "tr", "ul");
  /** Elements whose content a browser does not show as text. */
  private static final Set<String> UNSEEN = Set.of("script", "style", "noscript", "template", "head",
      "svg", "math", "iframe", "object", "canvas", "audio", "video", "select", "datalist");

  /** The text, and for each of its lines (0-based) the 1-based line of the HTML it comes from. */
  record Rendered(String text, List<Integer> sourceLines) {
    /** The HTML line of the text's 1-based line {@code line}. */
    int sourceLine(int line) {
      return line >= 1 && line <= sourceLines.size() ? sourceLines.get(line - 1) : line;
    }
  }

  private final List<String> lines = new ArrayList<>();
  private final List<Integer> sources = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private int currentSource = -1;
  private int lastSource = 1;
  private int preformatted;

  private HtmlPageText() {}

  /** Whether {@code text} is HTML rather than a page's text (its first non-blank character opens a tag). */
  static boolean isHtml(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        if (c != '<') {
          return false;
        }
        String head = text.substring(i, Math.min(text.length(), i + 64)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
            || head.startsWith("<body") || head.startsWith("<meta") || head.startsWith("<!--")
            || head.startsWith("<?xml");
      }
    }
    return false;
  }

  static Rendered render(String html) {
    Document document = Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
    HtmlPageText out = new HtmlPageText();
    // Iterative (no recursion): a page nested thousands of levels deep cannot exhaust the stack.
    NodeTraversor.filter(out.new Walker(), document.body());
    out.endLine(false);
    return new Rendered(String.join("\n", out.lines), List.copyOf(out.sources));
  }

  private final class Walker implements NodeFilter {
    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode text) {
        int line = lineOf(node);
        if (preformatted > 0) {
          appendPreformatted(text.getWholeText(), line);
        } else {
          appendInline(text.getWholeText(), line);
        }
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      String name = e.normalName();
      if (UNSEEN.contains(name) || hidden(e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (name.equals("br")) {
        endLine(true);
      } else if (BLOCKS.contains(name)) {
        endLine(false);
      }
      if (name.equals("li")) {
        Element list = e.parent();
        appendInline(list != null && list.normalName().equals("ol") ? (e.elementSiblingIndex() + 1) + ". " : "• ",
            lineOf(e));
      }
      if (name.equals("pre")) {
        preformatted++;
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        if (e.normalName().equals("pre")) {
          preformatted--;
        }
        if (BLOCKS.contains(e.normalName())) {
          endLine(false);
        }
      }
      return FilterResult.CONTINUE;
    }
  }

  private static boolean hidden(Element e) {
    if (e.hasAttr("hidden")) {
      return true;
    }
    String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
    return style.contains("display:none") || style.contains("visibility:hidden");
  }

  private int lineOf(Node node) {
    return node.sourceRange().isTracked() ? node.sourceRange().start().lineNumber() : lastSource;
  }

  private void appendInline(String text, int line) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (current.length() > 0 && current.charAt(current.length() - 1) != ' ') {
          current.append(' ');
        }
      } else {
        mark(line);
        current.append(c);
      }
    }
  }

  private void appendPreformatted(String text, int line) {
    int at = line;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        mark(at);
        endLine(true);
        at++;
      } else if (c != '\r') {
        mark(at);
        current.append(c);
      }
    }
  }

  private void mark(int line) {
    if (currentSource < 0) {
      currentSource = line;
    }
  }

  /** Ends the current line; an empty one only when {@code force} (a {@code <br>}, a line of a {@code <pre>}). */
  private void endLine(boolean force) {
    int end = current.length();
    while (end > 0 && current.charAt(end - 1) == ' ') {
      end--;
    }
    if (end > 0 || force) {
      lines.add(current.substring(0, end));
      int source = currentSource < 0 ? lastSource : currentSource;
      sources.add(source);
      lastSource = source;
    }
    current.setLength(0);
    currentSource = -1;
  }
}
