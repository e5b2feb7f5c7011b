package io.raycluster.contract.conformance;

import java.util.Objects;

/**
 * One difference between a response and the contract.
 *
 * @param pointer JSON pointer (RFC 6901) of the instance location; {@code ""} is the whole body
 * @param keyword the schema keyword that failed ({@code type}, {@code required}, {@code enum},
 *     {@code format}, ...), {@code undeclared} for strict-mode drift, {@code status} for an
 *     undeclared HTTP status, {@code json} (or another reader keyword) when the body is unreadable
 * @param message what was expected and what was found, in plain words, without the pointer
 */
public record Finding(String pointer, String keyword, String message) {
  public Finding {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }

  /** {@code /workerSpec/1/maxReplica: expected integer, found string "10"}. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(body)" : pointer) + ": " + message;
  }
}
