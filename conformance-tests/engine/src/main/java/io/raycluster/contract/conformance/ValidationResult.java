package io.raycluster.contract.conformance;

import java.util.List;

/**
 * The verdict on one response body and its findings (empty when valid). Findings are ordered by
 * instance pointer, so the same body always gives the same report.
 */
public record ValidationResult(Verdict verdict, List<Finding> findings) {
  private static final ValidationResult VALID = new ValidationResult(Verdict.VALID, List.of());

  public ValidationResult {
    findings = List.copyOf(findings);
  }

  public static ValidationResult valid() {
    return VALID;
  }

  /** Valid when there are no findings, invalid otherwise. */
  public static ValidationResult of(List<Finding> findings) {
    return findings.isEmpty() ? VALID : new ValidationResult(Verdict.INVALID, findings);
  }

  public static ValidationResult unreadable(UnreadableInputException e) {
    return new ValidationResult(
        Verdict.UNREADABLE, List.of(new Finding(e.pointer(), e.keyword(), e.getMessage())));
  }

  public boolean isValid() {
    return verdict == Verdict.VALID;
  }
}
