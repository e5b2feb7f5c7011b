package io.raycluster.contract.conformance.doc;

import java.util.List;

/**
 * One property of the success response, at a location such as {@code /headSpec/replica} or
 * {@code /instances/*}{@code /type} ({@code *} stands for every item of an array): one the spec
 * declares, or one the vendor's API metadata describes.
 *
 * @param location where the property sits in the response body
 * @param type its JSON type ({@code string}, {@code integer}, {@code object}, {@code array}, ...)
 * @param format its {@code format} ({@code int64}, ...), or null
 * @param items the JSON type of an array's items, or null
 * @param itemsFormat the {@code format} of an array's items, or null
 * @param enumValues the values it allows, empty when it does not restrict them
 */
public record SpecProperty(String location, String type, String format, String items, String itemsFormat,
    List<String> enumValues) {
  public SpecProperty {
    enumValues = List.copyOf(enumValues);
  }

  /** The type as the page would write it ({@code array<object>} for an array of objects). */
  public String typeName() {
    return items == null ? type : "array<" + items + ">";
  }

  /** The type with its format: {@code integer/int64}, {@code array<integer/int32>}. */
  public String typeAndFormat() {
    return items == null ? type + (format == null ? "" : "/" + format)
        : "array<" + items + (itemsFormat == null ? "" : "/" + itemsFormat) + ">";
  }
}
