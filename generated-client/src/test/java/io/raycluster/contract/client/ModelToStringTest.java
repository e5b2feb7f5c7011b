package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SchemaProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated models' {@code toString} never shows what the spec marks {@code x-sensitive}:
 * one test per marked property of every component schema, each filled with a sentinel through
 * Jackson (as a response would fill it). Derived from the spec: a property marked tomorrow is
 * tested tomorrow, with no change here.
 */
class ModelToStringTest {
  static final ObjectMapper MAPPER = RayClusterJson.newMapper();
  static final String SENTINEL = "SENTINEL-5c1e7";

  @TestFactory
  Stream<DynamicTest> everyPropertyMarkedSensitive_isMaskedInToString() {
    ApiSpec spec = ApiSpec.bundled();
    List<DynamicTest> tests = new ArrayList<>();
    for (String schema : (Iterable<String>) () -> spec.document().path("components").path("schemas").fieldNames()) {
      for (SchemaProperty p : spec.properties("/components/schemas/" + ApiSpec.escape(schema))) {
        if (p.path().size() != 1 || !"string".equals(p.type())
            || (!p.secret() && p.secretQueryParameters().isEmpty())) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(schema + "." + p.name(), () -> check(schema, p)));
      }
    }
    assertFalse(tests.isEmpty(), "the spec marks secrets with x-sensitive; none was found");
    return tests.stream();
  }

  private static void check(String schema, SchemaProperty p) throws Exception {
    Class<?> model = Class.forName("io.raycluster.contract.client.generated.model." + schema);
    ObjectNode json = MAPPER.createObjectNode();
    String kept = "https://dashboard.example/p?view=1";
    if (p.secret()) {
      json.put(p.name(), SENTINEL);
    } else {
      StringBuilder url = new StringBuilder(kept);
      p.secretQueryParameters().forEach(q -> url.append('&').append(q).append('=').append(SENTINEL));
      json.put(p.name(), url.toString());
    }
    String shown = MAPPER.treeToValue(json, model).toString();

    assertFalse(shown.contains(SENTINEL), schema + "." + p.name() + " leaks in toString:\n" + shown);
    if (!p.secret()) {
      assertTrue(shown.contains(kept), "only the secret query values are masked:\n" + shown);
    }
  }

  /** A secret query value is masked in any property's toString, marked or not (as every other mask does). */
  @org.junit.jupiter.api.Test
  void secretQueryValues_inAnyProperty_areMasked() throws Exception {
    String q = io.raycluster.contract.client.generated.ApiContract.SECRET_QUERY_PARAMETERS.iterator().next();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("message", "see https://x/?" + q + "=" + SENTINEL);
    json.put("jobUrl", "https://y/?" + q + "=" + SENTINEL);
    String shown = MAPPER.treeToValue(json, io.raycluster.contract.client.generated.model.RayCluster.class).toString();
    assertFalse(shown.contains(SENTINEL), shown);
  }
}
