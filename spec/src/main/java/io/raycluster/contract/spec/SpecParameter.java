package io.raycluster.contract.spec;

/**
 * A parameter of an operation.
 *
 * @param name its name
 * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param required whether callers must send it (always true for path parameters)
 * @param type the JSON type of its schema ({@code string}, {@code integer}, ...; {@code any} when unsaid)
 * @param schemaPointer the JSON pointer of its schema in the document, or {@code null}
 * @param sensitive whether the spec marks its value as a secret ({@code x-sensitive})
 */
public record SpecParameter(
    String name, String in, boolean required, String type, String schemaPointer, boolean sensitive) {}
