package io.raycluster.contract.conformance;

import java.util.List;

/**
 * The result for one validated response: a bare JSON file, or one HAR entry.
 *
 * @param path the file as given (or {@code -} for standard input)
 * @param entry the HAR entry index, or {@code null} for a bare body or an unreadable file
 * @param label for HAR entries, {@code GET /api/v1/... -> 200}; else {@code null}
 */
public record Outcome(String path, Integer entry, String label, Verdict verdict, List<Finding> findings) {
  public Outcome {
    findings = List.copyOf(findings);
  }

  static Outcome of(String path, Integer entry, String label, ValidationResult r) {
    return new Outcome(path, entry, label, r.verdict(), r.findings());
  }

  /** {@code path} or {@code path#3}. */
  public String name() {
    return entry == null ? path : path + "#" + entry;
  }
}
