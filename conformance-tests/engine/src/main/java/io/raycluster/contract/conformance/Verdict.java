package io.raycluster.contract.conformance;

import java.util.Locale;

/** The outcome for one response body. */
public enum Verdict {
  /** The body matches the contract. */
  VALID,
  /** The body was read and does not match the contract; the findings say where. */
  INVALID,
  /** The body (or the file holding it) could not be read as JSON; one finding says why. */
  UNREADABLE;

  /** The lower-case name used in reports ({@code valid}, {@code invalid}, {@code unreadable}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
