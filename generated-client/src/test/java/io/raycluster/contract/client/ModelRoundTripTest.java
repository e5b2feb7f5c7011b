package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import io.raycluster.contract.spec.ApiSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRoundTripTest {
  private final ObjectMapper mapper = RayClusterJson.newMapper();

  /**
   * Every field of the spec's example decodes into the generated model and back, losing nothing:
   * a field the generated model lacked would be dropped (unknown fields are ignored).
   */
  @Test
  void documentedExample_serializesBackToTheSameJson() throws Exception {
    JsonNode input = DocumentedExample.tree();
    RayCluster cluster = mapper.treeToValue(input, RayCluster.class);

    JsonNode output = mapper.readTree(mapper.writeValueAsString(cluster));

    assertEquals(input, output);
  }

  @Test
  void unknownFieldsAtEveryLevel_areIgnored() throws Exception {
    String json = "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\","
        + "\"brandNewTopLevel\":{\"deep\":[1,2]},"
        + "\"headSpec\":{\"cpu\":\"2\",\"newHeadField\":true},"
        + "\"instances\":[{\"type\":\"Head\",\"newInstanceField\":\"x\"}],"
        + "\"workerSpec\":[{\"groupName\":\"g\",\"newWorkerField\":3}]}";

    RayCluster cluster = mapper.readValue(json, RayCluster.class);

    assertEquals("2", cluster.getHeadSpec().getCpu());
    assertEquals("Head", cluster.getInstances().get(0).getType());
    assertEquals("g", cluster.getWorkerSpec().get(0).getGroupName());
  }

  @Test
  void unknownStateValue_becomesTheUnknownConstant() throws Exception {
    RayCluster cluster = mapper.readValue(
        "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"NoSuchState-" + System.nanoTime() + "\"}",
        RayCluster.class);

    assertEquals(RayClusterState.UNKNOWN_DEFAULT_OPEN_API, cluster.getState());
  }

  @Test
  void everyDocumentedState_mapsToItsConstant() throws Exception {
    ApiSpec spec = ApiSpec.bundled();
    String pointer = spec.requireOperation("getRayCluster").schemaPointerFor(200).orElseThrow();
    List<String> states = spec.properties(pointer).stream().filter(p -> p.location().equals("/state"))
        .findFirst().orElseThrow().enumValues();
    assertFalse(states.isEmpty());
    for (String state : states) {
      RayCluster cluster = mapper.readValue(
          "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"" + state + "\"}", RayCluster.class);
      assertEquals(state, cluster.getState().getValue());
      assertFalse(cluster.getState() == RayClusterState.UNKNOWN_DEFAULT_OPEN_API, state);
    }
  }
}
