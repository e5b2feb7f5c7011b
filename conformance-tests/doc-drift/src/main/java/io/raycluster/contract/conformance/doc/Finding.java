package io.raycluster.contract.conformance.doc;

/**
 * One difference between the reference page and the spec.
 *
 * @param kind what sort of difference
 * @param location where: {@code request} for the request line, a body location such as
 *     {@code /instances/*}{@code /reason} for the response table, a JSON pointer such as
 *     {@code /state} for the JSON example
 * @param message what differs, naming both sides
 * @param line the 1-based line of the page it comes from, or 0 when it has none (something the
 *     spec declares and the page no longer lists)
 */
public record Finding(Kind kind, String location, String message, int line) {
  public enum Kind {
    /** The request syntax line has another HTTP method than the spec. */
    METHOD_CHANGED,
    /** The request syntax line has a path the spec does not have. */
    PATH_CHANGED,
    /** The page lists a request parameter the spec does not declare. */
    UNDECLARED_PARAMETER,
    /** The spec declares a request parameter the page no longer lists. */
    MISSING_PARAMETER,
    /** A request parameter's type, or whether a query parameter is required, differs. */
    PARAMETER_CHANGED,
    /** The response table lists an element the spec does not declare. */
    UNDECLARED_ELEMENT,
    /** The spec declares a response property the page's table no longer lists. */
    MISSING_ELEMENT,
    /** The table's type of an element differs from the spec's. */
    TYPE_MISMATCH,
    /**
     * The valid values a table row lists differ from the spec's {@code enum} (a value the spec
     * lacks, or one the page no longer lists).
     */
    ENUM_VALUES,
    /** The JSON example does not conform to the spec (from the {@link ExampleChecker}). */
    EXAMPLE
  }

  /** One line of the text report. */
  public String toText() {
    return kind + " " + location + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
  }
}
