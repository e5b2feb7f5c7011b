package io.raycluster.contract.conformance;

import java.util.List;

/**
 * What one input file gave: one outcome for a bare body (or an unreadable file), one per
 * matching entry for a HAR, and how many HAR entries were skipped as other calls.
 */
public record FileOutcome(String path, List<Outcome> outcomes, int skipped) {
  public FileOutcome {
    outcomes = List.copyOf(outcomes);
  }
}
