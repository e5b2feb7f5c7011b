package io.raycluster.contract.conformance;

/** How much of a response the engine holds against the spec. */
public enum Mode {
  /** What the spec allows: undeclared properties pass, as the spec does not forbid them. */
  LENIENT,
  /**
   * Lenient plus drift detection: every property the spec does not declare, at any depth, is a
   * finding (keyword {@code undeclared}). Derived from the spec's {@code properties} at load time.
   */
  STRICT
}
