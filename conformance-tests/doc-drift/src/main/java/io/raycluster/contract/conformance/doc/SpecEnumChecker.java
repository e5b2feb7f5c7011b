package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link ExampleChecker} for one rule: each string value whose property has an {@code enum} in
 * the spec must be one of its values (a new {@code state} on the page is the typical drift). It
 * does not report undeclared fields or types; the conformance engine's strict mode does.
 */
public final class SpecEnumChecker implements ExampleChecker {
  private final Map<String, SpecProperty> properties;

  private SpecEnumChecker(Map<String, SpecProperty> properties) {
    this.properties = Map.copyOf(properties);
  }

  /** Checks against the success response of {@code operation}. */
  public static SpecEnumChecker forOperation(SpecContract.Operation operation) {
    return new SpecEnumChecker(operation.properties());
  }

  @Override
  public List<ExampleFinding> check(JsonNode example) {
    List<ExampleFinding> findings = new ArrayList<>();
    walk(example, "", "", findings);
    return findings;
  }

  private void walk(JsonNode node, String pointer, String location, List<ExampleFinding> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String escaped = field.getKey().replace("~", "~0").replace("/", "~1");
        walk(field.getValue(), pointer + "/" + escaped, location + "/" + field.getKey(), out);
      }
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, location + "/*", out);
      }
      return;
    }
    SpecProperty property = properties.get(location);
    if (property != null && !property.enumValues().isEmpty() && node.isTextual()
        && !property.enumValues().contains(node.asText())) {
      out.add(new ExampleFinding(pointer, "value \"" + node.asText()
          + "\" is not one of the values the spec allows (" + String.join(", ", property.enumValues()) + ")"));
    }
  }
}
