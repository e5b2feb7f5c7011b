package io.raycluster.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One declared response of an operation.
 *
 * @param key the key as the document writes it, upper-cased ({@code 200}, {@code 404},
 *     {@code 4XX}, {@code DEFAULT})
 * @param schemaPointer the JSON pointer of its JSON body schema, following a lone {@code $ref};
 *     {@code null} when it declares no JSON body
 * @param example the body example the document gives for it (a copy), or {@code null}
 */
public record SpecResponse(String key, String schemaPointer, JsonNode example) {
  public SpecResponse {
    example = example == null ? null : example.deepCopy();
  }

  /** Whether it declares a JSON body. */
  public boolean hasJsonBody() {
    return schemaPointer != null;
  }

  @Override
  public JsonNode example() {
    return example == null ? null : example.deepCopy();
  }
}
