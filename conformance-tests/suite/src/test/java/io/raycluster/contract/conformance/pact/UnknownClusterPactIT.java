package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "cluster that does not exist" interaction of the pact written by {@link
 * RayClusterClientPactTest}: a provider must answer 404 with the spec's not-found code, not any
 * other {@code *.NotFound} (the gateway's {@code InvalidAccessKeyId.NotFound} means the request
 * never reached the cluster lookup).
 */
class UnknownClusterPactIT {
  private static final File PACT = new File("target/pacts/"
      + PactContract.CONSUMER + "-" + PactContract.PROVIDER + ".json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void unknownCluster_answeredWithTheSpecsNotFoundCode_verifies() throws Exception {
    IResponse expected = expectedResponse();
    assertEquals(List.of(), ResponseMatching.responseMismatches(expected, answer(expected, null)));
  }

  @Test
  void unknownCluster_answeredWithAnotherNotFoundCode_failsVerification() throws Exception {
    IResponse expected = expectedResponse();
    List<Mismatch> mismatches =
        ResponseMatching.responseMismatches(expected, answer(expected, "InvalidAccessKeyId.NotFound"));
    assertFalse(mismatches.isEmpty(), "a 404 InvalidAccessKeyId.NotFound must not verify");
    assertTrue(mismatches.toString().contains("Code"), mismatches.toString());
  }

  private static IResponse expectedResponse() {
    assertTrue(PACT.isFile(), PACT + " is written by RayClusterClientPactTest earlier in the build");
    Pact pact = DefaultPactReader.INSTANCE.loadPact(PACT);
    Interaction interaction = pact.getInteractions().stream()
        .filter(i -> i.getDescription().equals("GetRayCluster for a cluster that does not exist"))
        .findFirst().orElseThrow();
    return interaction.asSynchronousRequestResponse().getResponse();
  }

  /** The pact's own example answer, with {@code Code} replaced when {@code code} is not null. */
  private static IResponse answer(IResponse expected, String code) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(expected.getBody().valueAsString());
    if (code != null) {
      body.put("Code", code);
    }
    return new HttpResponse(404, Map.of("Content-Type", List.of("application/json;charset=utf-8")),
        OptionalBody.body(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8),
            ContentType.Companion.getJSON()));
  }
}
