package io.raycluster.contract.conformance.doc;

import java.util.List;

/**
 * The file is not a document diff-doc can read: a reference page (text or HTML), or the vendor's
 * API metadata. {@link #missing()} says, one item each, what was looked for and not found (the
 * request syntax line, the response table, the JSON example; for metadata the JSON pointer and
 * what was expected there), so the user knows whether they saved the wrong file or its layout
 * changed.
 */
public final class UnreadablePageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What a reference page is called in the message. */
  static final String PAGE = "a readable API reference page";
  /** What the vendor's metadata is called in the message. */
  static final String METADATA = "readable API metadata (api-docs.json)";

  private final String source;
  private final List<String> missing;

  public UnreadablePageException(String source, List<String> missing) {
    this(source, PAGE, missing);
  }

  /** {@code what} completes "SOURCE is not ...": {@link #PAGE} or {@link #METADATA}. */
  public UnreadablePageException(String source, String what, List<String> missing) {
    super(source + " is not " + what + ": " + String.join("; ", missing));
    this.source = source;
    this.missing = List.copyOf(missing);
  }

  public String source() {
    return source;
  }

  public List<String> missing() {
    return missing;
  }
}
