package io.raycluster.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One property of a body schema, flattened: where it sits in a body and what the document says
 * of it.
 *
 * @param location where it sits in a body: {@code /headSpec/cpu}; {@code *} stands for every
 *     item of an array ({@code /instances/*}{@code /type}); names are written as they are, not
 *     pointer-escaped
 * @param path the same location as a list of names ({@code *} for array items)
 * @param pointer the JSON pointer of its schema in the document (after {@code $ref}s)
 * @param type its JSON type ({@code string}, {@code integer}, {@code number}, {@code boolean},
 *     {@code object}, {@code array}; {@code any} when the schema does not say)
 * @param format its {@code format}, or {@code null}
 * @param items for an array, the JSON type of its items; else {@code null}
 * @param itemsFormat for an array, the {@code format} of its items; else {@code null}
 * @param enumValues the values of its {@code enum} (as text), empty when it has none
 * @param required whether its parent object requires it
 * @param nullable whether the schema allows {@code null}
 * @param example the document's example of it (a copy), or {@code null}
 * @param secret whether the document marks its whole value secret ({@code x-sensitive: true})
 * @param secretQueryParameters the query parameters whose values the document marks secret in it
 *     ({@code x-sensitive: {queryParameters: [...]}}); empty when none
 */
public record SchemaProperty(
    String location,
    List<String> path,
    String pointer,
    String type,
    String format,
    String items,
    String itemsFormat,
    List<String> enumValues,
    boolean required,
    boolean nullable,
    JsonNode example,
    boolean secret,
    List<String> secretQueryParameters) {
  public SchemaProperty {
    path = List.copyOf(path);
    enumValues = List.copyOf(enumValues);
    secretQueryParameters = List.copyOf(secretQueryParameters);
    example = example == null ? null : example.deepCopy();
  }

  /** The name of the property (the last step of its path). */
  public String name() {
    return path.get(path.size() - 1);
  }

  /** {@code string}, {@code integer/int64}, {@code array<object>}: the type as diff-doc words it. */
  public String typeName() {
    return items == null ? type : type + "<" + items + ">";
  }

  @Override
  public JsonNode example() {
    return example == null ? null : example.deepCopy();
  }
}
