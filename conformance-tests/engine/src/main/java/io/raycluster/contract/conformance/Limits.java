package io.raycluster.contract.conformance;

/**
 * Bounds on the input the engine accepts, so hostile or broken files are reported instead of
 * exhausting the heap or the stack.
 *
 * @param maxBytes largest file (or standard input, or HAR response body) read, in bytes
 * @param maxDepth deepest nesting of arrays and objects
 * @param maxStringLength longest string value, in characters
 */
public record Limits(long maxBytes, int maxDepth, int maxStringLength) {
  /** 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  /** 1,000 levels. */
  public static final int DEFAULT_MAX_DEPTH = 1_000;
  /** 16 Mi characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024 * 1024;

  /** The largest size a file may be read at: what one Java array holds (about 2 GiB). */
  public static final long MAX_BYTES_CEILING = Integer.MAX_VALUE - 9L;

  public Limits {
    if (maxBytes < 1 || maxDepth < 1 || maxStringLength < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (maxBytes > MAX_BYTES_CEILING) {
      throw new IllegalArgumentException("a file size limit of " + maxBytes + " bytes is more than "
          + MAX_BYTES_CEILING + " bytes (about 2 GiB), the largest file that can be read");
    }
  }

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_LENGTH);
  }

  public Limits withMaxBytes(long bytes) {
    return new Limits(bytes, maxDepth, maxStringLength);
  }
}
