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
 *     spec declares and the page no longer lists, or a finding from the vendor's metadata)
 * @param documented what the vendor's page or metadata says there, in a few words ({@code
 *     string}, {@code not listed}); empty when the message says it all
 * @param specified what the spec says there, in a few words ({@code integer}, {@code not
 *     declared}); empty when the message says it all
 */
public record Finding(Kind kind, String location, String message, int line, String documented, String specified) {
  public Finding {
    documented = documented == null ? "" : documented;
    specified = specified == null ? "" : specified;
  }

  /** A finding whose message says it all. */
  public Finding(Kind kind, String location, String message, int line) {
    this(kind, location, message, line, "", "");
  }

  /** The words both sides use for what one of them lacks. */
  static final String NOT_LISTED = "not listed";
  static final String NOT_DECLARED = "not declared";

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
    EXAMPLE,
    /** The vendor's metadata has no operation with the spec's {@code x-acs-action}. */
    MISSING_OPERATION
  }

  /** One line of the text report. */
  public String toText() {
    return kind + " " + location + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
  }
}
