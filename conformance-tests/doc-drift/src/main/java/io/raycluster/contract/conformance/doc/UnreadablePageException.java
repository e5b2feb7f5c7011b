package io.raycluster.contract.conformance.doc;

import java.util.List;

/**
 * The file is not a reference page diff-doc can read. {@link #missing()} says, one item each,
 * what was looked for and not found (the request syntax line, the response table, the JSON
 * example...), so the user knows whether they saved the wrong page or the page changed layout.
 */
public final class UnreadablePageException extends Exception {
  private final String source;
  private final List<String> missing;

  public UnreadablePageException(String source, List<String> missing) {
    super(source + " is not a readable API reference page: " + String.join("; ", missing));
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
