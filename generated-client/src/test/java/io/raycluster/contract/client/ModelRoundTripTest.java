package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRoundTripTest {
  private final ObjectMapper mapper = RayClusterJson.newMapper();

  @Test
  void documentedExample_populatesEveryFieldOfEveryModel() throws Exception {
    RayCluster cluster = mapper.treeToValue(DocumentedExample.tree(), RayCluster.class);

    List<String> empty = new ArrayList<>();
    collectEmptyGetters("RayCluster", cluster, empty);
    assertEquals(List.of(), empty, "getters that returned null or an empty list");
    assertEquals(RayClusterState.RUNNING, cluster.getState());
    assertEquals(137, cluster.getInstances().get(0).getContainerExitCode());
    assertEquals(1754274541693L, cluster.getModifiedTime());
    assertEquals(10, cluster.getWorkerSpec().get(0).getMaxReplica());
  }

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
        "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Upgrading\"}", RayCluster.class);

    assertEquals(RayClusterState.UNKNOWN_DEFAULT_OPEN_API, cluster.getState());
  }

  @Test
  void everyDocumentedState_mapsToItsConstant() throws Exception {
    for (String state : List.of("Starting", "Running", "Stopping", "Stopped", "Error")) {
      RayCluster cluster = mapper.readValue(
          "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"" + state + "\"}", RayCluster.class);
      assertEquals(state, cluster.getState().getValue());
      assertFalse(cluster.getState() == RayClusterState.UNKNOWN_DEFAULT_OPEN_API, state);
    }
  }

  /** Walks the generated getters; models are recursed into, lists must be non-empty. */
  private static void collectEmptyGetters(String path, Object model, List<String> empty)
      throws Exception {
    for (Method getter : model.getClass().getMethods()) {
      if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = getter.invoke(model);
      String where = path + "." + getter.getName();
      if (value == null || (value instanceof Collection && ((Collection<?>) value).isEmpty())) {
        empty.add(where);
      } else if (value instanceof Collection) {
        for (Object item : (Collection<?>) value) {
          if (isModel(item)) {
            collectEmptyGetters(where + "[]", item, empty);
          }
        }
      } else if (isModel(value)) {
        collectEmptyGetters(where, value, empty);
      }
    }
    assertNotNull(model);
    assertTrue(isModel(model), path);
  }

  private static boolean isModel(Object o) {
    return o.getClass().getPackageName().endsWith(".generated.model") && !(o instanceof Enum);
  }
}
