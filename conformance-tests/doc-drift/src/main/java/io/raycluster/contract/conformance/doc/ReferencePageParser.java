package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.JsonTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the vendor's API reference page saved as text (the browser's "save as text", or the
 * page's text copied into a file).
 *
 * <p>No library reads this format: it is the page's visible text, one table cell per paragraph,
 * with the headings in the page's language (only the table's column headers and the request
 * syntax line are the same in every language). So the reader keys on what does not depend on the
 * language: the {@code GET /path HTTP/1.1} line, the {@code Element / Type / Description} column
 * headers, the rows as a name line followed by a type line, and the JSON object that follows the
 * table.
 */
public final class ReferencePageParser {
  private static final Pattern REQUEST_LINE = Pattern.compile(
      "^\\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\s+(/\\S*)\\s+HTTP/[0-9.]+\\s*$");
  /** A valid value listed in a description: "• Running: the cluster is up." */
  private static final Pattern VALUE_BULLET = Pattern.compile("^[\\u2022\\u00b7\\u25aa\\u25e6]\\s*([A-Za-z0-9_.-]+)\\s*(?::.*)?$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  /** The RAM action of the page's authorization table: {@code emr-serverless-spark:GetRayCluster}. */
  private static final Pattern RAM_ACTION = Pattern.compile("^\\s*[a-z0-9][a-z0-9-]*:([A-Z][A-Za-z0-9]*)\\s*$");
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ReferencePageParser() {}

  /** Reads a page saved as text; a file that cannot be read at all is reported as unreadable too. */
  public static ReferencePage parse(Path file) throws UnreadablePageException {
    return parse(VendorDocuments.text(file), file.toString());
  }

  /** Reads a page's text; {@code source} names it in messages. */
  public static ReferencePage parse(String text, String source) throws UnreadablePageException {
    // Browsers' text saves carry a byte-order mark, no-break spaces and zero-width spaces.
    String[] lines = text.replace("\uFEFF", "").replace("\u200B", "").replace('\u00A0', ' ')
        .split("\\R", -1);
    if (looksLikeHtml(lines)) {
      throw new UnreadablePageException(source, List.of(
          "it is an HTML or XML file, not the page saved as text; read it with VendorDocuments.read, which renders HTML"));
    }
    List<String> missing = new ArrayList<>();

    int requestIndex = -1;
    Matcher request = null;
    for (int i = 0; i < lines.length && requestIndex < 0; i++) {
      Matcher m = REQUEST_LINE.matcher(lines[i]);
      if (m.matches()) {
        requestIndex = i;
        request = m;
      }
    }
    if (request == null) {
      missing.add("no request syntax line (such as 'GET /api/v1/... HTTP/1.1')");
    }

    int headerEnd = responseTableHeaderEnd(lines);
    if (headerEnd < 0) {
      missing.add("no response table (column headers 'Element', 'Type', 'Description')");
    }

    // The example is pretty-printed: it starts with a line holding "{" alone. Table cells can
    // hold one-line JSON ("{}" as an example value), so a one-line object counts only when no
    // pretty-printed one exists.
    int exampleIndex = -1;
    JsonNode example = null;
    for (int i = Math.max(headerEnd, 0); i < lines.length && exampleIndex < 0; i++) {
      if (lines[i].trim().equals("{")) {
        exampleIndex = i;
      }
    }
    for (int i = Math.max(headerEnd, 0); i < lines.length && exampleIndex < 0; i++) {
      String t = lines[i].trim();
      if (t.startsWith("{") && !t.equals("{}")) {
        exampleIndex = i;
      }
    }
    if (exampleIndex < 0) {
      missing.add("no JSON example (a JSON object after the response table)");
    } else {
      String json = String.join("\n", Arrays.asList(lines).subList(exampleIndex, lines.length));
      try (JsonParser parser = JSON.createParser(json)) {
        // The spec's own tree reader: numbers beyond a double (1e400) stay numbers, as written.
        example = JsonTrees.read(parser);
      } catch (JsonProcessingException e) {
        String at = e.getLocation() == null ? ""
            : " at line " + (exampleIndex + e.getLocation().getLineNr());
        missing.add("the JSON example at line " + (exampleIndex + 1) + " is not valid JSON ("
            + e.getOriginalMessage() + at + ")");
      } catch (IOException e) {
        missing.add("the JSON example at line " + (exampleIndex + 1) + " cannot be read");
      }
      if (example != null && !example.isObject()) {
        missing.add("the JSON example at line " + (exampleIndex + 1) + " is not a JSON object");
      }
    }

    List<PageElement> elements = new ArrayList<>();
    if (headerEnd >= 0) {
      int end = exampleIndex < 0 ? lines.length : exampleIndex;
      elements = rows(lines, headerEnd, end);
      if (elements.isEmpty()) {
        missing.add("the response table at line " + tableLine(lines, headerEnd)
            + " has no rows (a name line followed by a type line)");
      }
    }

    if (!missing.isEmpty()) {
      throw new UnreadablePageException(source, missing);
    }
    String path = request.group(2);
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    return new ReferencePage(source, request.group(1), path, requestIndex + 1,
        parameters(lines, headerEnd), elements, example, exampleIndex + 1, action(lines, requestIndex));
  }

  /** The action named in the RAM table before the request line, or null. */
  private static String action(String[] lines, int requestIndex) {
    for (int i = 0; i < requestIndex; i++) {
      Matcher m = RAM_ACTION.matcher(lines[i]);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static boolean looksLikeHtml(String[] lines) {
    for (String line : lines) {
      String t = line.trim().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        return t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<?xml");
      }
    }
    return false;
  }

  /** The index of the first line after the response table's column headers, or -1. */
  private static int responseTableHeaderEnd(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].trim().equals("Element")) {
        continue;
      }
      List<Integer> next = nextNonBlank(lines, i + 1, 3);
      if (next.size() >= 2 && lines[next.get(0)].trim().equals("Type")
          && lines[next.get(1)].trim().equals("Description")) {
        int end = next.get(1) + 1;
        if (next.size() == 3 && lines[next.get(2)].trim().equals("Example")) {
          end = next.get(2) + 1;
        }
        return end;
      }
    }
    return -1;
  }

  /** The 1-based line of the "Element" header of the table whose headers end before {@code headerEnd}. */
  private static int tableLine(String[] lines, int headerEnd) {
    int i = headerEnd - 1;
    while (i > 0 && !lines[i].trim().equals("Element")) {
      i--;
    }
    return i + 1;
  }

  /** Gives the last row the valid values listed in its description. */
  private static void closeRow(List<PageElement> rows, List<String> values) {
    if (!rows.isEmpty() && !values.isEmpty()) {
      PageElement last = rows.get(rows.size() - 1);
      rows.set(rows.size() - 1, new PageElement(last.name(), last.type(), last.line(), values));
    }
    values.clear();
  }

  /**
   * The rows of every request parameter table (column headers 'Parameter', 'Type', 'Required')
   * before the response table: a name line, a type line and a Yes/No line. Null when the page has
   * no such table.
   */
  private static List<PageParameter> parameters(String[] lines, int responseTable) {
    List<PageParameter> rows = null;
    int end = responseTable < 0 ? lines.length : responseTable;
    List<Integer> cells = nextNonBlank(lines, 0, Integer.MAX_VALUE);
    cells.removeIf(i -> i >= end);
    boolean inTable = false;
    for (int c = 0; c < cells.size(); c++) {
      String cell = lines[cells.get(c)].trim();
      if (cell.equals("Parameter") && c + 2 < cells.size()
          && lines[cells.get(c + 1)].trim().equals("Type")
          && lines[cells.get(c + 2)].trim().equals("Required")) {
        inTable = true;
        rows = rows == null ? new ArrayList<>() : rows;
        c += 2;
        continue;
      }
      if (inTable && c + 2 < cells.size() && NAME.matcher(cell).matches()
          && PageType.isType(lines[cells.get(c + 1)])) {
        String required = lines[cells.get(c + 2)].trim().toLowerCase(Locale.ROOT);
        if (required.equals("yes") || required.equals("no") || required.equals("true")
            || required.equals("false")) {
          rows.add(new PageParameter(cell, lines[cells.get(c + 1)].trim(),
              required.equals("yes") || required.equals("true"), cells.get(c) + 1));
          c += 2;
        }
      }
    }
    return rows;
  }

  private static List<Integer> nextNonBlank(String[] lines, int from, int count) {
    List<Integer> found = new ArrayList<>();
    for (int i = from; i < lines.length && found.size() < count; i++) {
      if (!lines[i].isBlank()) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * The table's rows. A row starts with a name line followed by a type line, or, for the response
   * itself and an array's items, with a type line alone; every other line is a description or an
   * example, which diff-doc does not compare (the project keeps the vendor's facts, not its
   * sentences).
   */
  private static List<PageElement> rows(String[] lines, int from, int to) {
    List<Integer> cells = nextNonBlank(lines, from, Integer.MAX_VALUE);
    cells.removeIf(i -> i >= to);
    List<PageElement> rows = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      String cell = lines[cells.get(c)].trim();
      if (c + 1 < cells.size() && NAME.matcher(cell).matches()
          && PageType.isType(lines[cells.get(c + 1)])) {
        closeRow(rows, values);
        rows.add(new PageElement(cell, lines[cells.get(c + 1)].trim(), cells.get(c) + 1));
        c++;
      } else if (PageType.isType(cell)) {
        closeRow(rows, values);
        rows.add(new PageElement("", cell, cells.get(c) + 1));
      } else {
        Matcher value = VALUE_BULLET.matcher(cell);
        if (value.matches()) {
          values.add(value.group(1));
        }
      }
    }
    closeRow(rows, values);
    return rows;
  }
}
