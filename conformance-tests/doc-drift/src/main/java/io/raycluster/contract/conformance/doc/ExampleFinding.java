package io.raycluster.contract.conformance.doc;

/**
 * One problem an {@link ExampleChecker} found in the page's JSON example.
 *
 * @param pointer the JSON Pointer of the value in the example ({@code ""} for the whole body)
 * @param message what is wrong, in one sentence, naming what the spec expects
 */
public record ExampleFinding(String pointer, String message) {}
