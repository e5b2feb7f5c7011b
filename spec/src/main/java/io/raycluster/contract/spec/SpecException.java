package io.raycluster.contract.spec;

/**
 * An OpenAPI document that cannot be used: not readable, not OpenAPI 3.0, or a part this project
 * needs is missing or malformed. The message names the document and the JSON pointer of the
 * problem, so that a user who passed {@code --spec FILE} can fix it.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String pointer;

  public SpecException(String source, String pointer, String problem) {
    this(source, pointer, problem, null);
  }

  public SpecException(String source, String pointer, String problem, Throwable cause) {
    super(source + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem, cause);
    this.source = source;
    this.pointer = pointer == null ? "" : pointer;
  }

  /** The document, as its file name or classpath resource. */
  public String source() {
    return source;
  }

  /** The JSON pointer of the problem in the document; empty for the document as a whole. */
  public String pointer() {
    return pointer;
  }
}
