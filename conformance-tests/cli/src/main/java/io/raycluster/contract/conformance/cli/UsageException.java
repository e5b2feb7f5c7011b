package io.raycluster.contract.conformance.cli;

/**
 * A value the user gave cannot be used (a spec that is not OpenAPI 3.0, an operation the spec
 * does not have): the tool prints the message, without the usage text, and exits 2.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
