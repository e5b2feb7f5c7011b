package io.raycluster.contract.conformance;

/**
 * Input that cannot be read as the JSON (or HAR) it should be: empty, truncated, not UTF-8,
 * over a limit, and so on. The message says exactly what is wrong, for a person.
 */
public final class UnreadableInputException extends Exception {
  private final String pointer;
  private final String keyword;

  public UnreadableInputException(String keyword, String pointer, String message) {
    super(message, null, false, false);
    this.keyword = keyword;
    this.pointer = pointer == null ? "" : pointer;
  }

  /** Where in the document the problem was found ({@code ""} when it is the file as a whole). */
  public String pointer() {
    return pointer;
  }

  /** A short name of the kind of problem: {@code empty}, {@code encoding}, {@code syntax}, ... */
  public String keyword() {
    return keyword;
  }
}
