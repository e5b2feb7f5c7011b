package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * What diff-doc reads from a saved API reference page: the request line, the rows of the
 * response table in page order, and the JSON example of a successful response.
 *
 * @param source the file name, as given, for messages
 * @param method the HTTP method of the request syntax line, upper case
 * @param path the path of the request syntax line, without a query string
 * @param requestLine the 1-based line of the request syntax line
 * @param parameters the rows of the request parameter tables (path and query), in page order;
 *     {@code null} when the page has no parameter table at all (they are then not compared)
 * @param elements the response table's rows in page order
 * @param example the JSON example
 * @param exampleLine the 1-based line where the JSON example starts
 * @param action the action the page's RAM table names ({@code GetRayCluster} from
 *     {@code emr-serverless-spark:GetRayCluster}), or {@code null} when it names none
 */
public record ReferencePage(
    String source,
    String method,
    String path,
    int requestLine,
    List<PageParameter> parameters,
    List<PageElement> elements,
    JsonNode example,
    int exampleLine,
    String action) implements VendorDocument {
  public ReferencePage {
    parameters = parameters == null ? null : List.copyOf(parameters);
    elements = List.copyOf(elements);
  }

  /** The same page with every line number mapped (the text of an HTML page to the HTML's lines). */
  ReferencePage withLines(IntUnaryOperator line) {
    return new ReferencePage(source, method, path, line.applyAsInt(requestLine),
        parameters == null ? null : parameters.stream()
            .map(p -> new PageParameter(p.name(), p.type(), p.required(), line.applyAsInt(p.line()))).toList(),
        elements.stream().map(e -> new PageElement(e.name(), e.type(), line.applyAsInt(e.line()), e.values())).toList(),
        example, line.applyAsInt(exampleLine), action);
  }
}
