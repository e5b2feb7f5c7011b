package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecCatalogTest {
  private final SpecCatalog.Operation op = SpecCatalog.bundled().operation("getRayCluster");

  @Test
  void bundledOperation_hasTheVendorsActionVersionAndPath() {
    assertEquals("GetRayCluster", op.action());
    assertEquals("2023-08-08", op.version());
    assertEquals("GET", op.method());
    assertEquals("/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}", op.pathTemplate());
  }

  @Test
  void pathVariables_decodesEachSegment() {
    assertEquals(Map.of("workspaceId", "w 1", "clusterId", "ray/a*b~é"),
        op.pathVariables("/api/v1/workspaces/w%201/rayCluster/ray%2Fa%2Ab~%C3%A9"));
  }

  @Test
  void pathVariables_otherPaths_areNull() {
    assertNull(op.pathVariables("/api/v1/workspaces/w/rayCluster"));
    assertNull(op.pathVariables("/api/v1/workspaces/w/rayCluster/c/extra"));
    assertNull(op.pathVariables("/api/v1/workspaces//rayCluster/c"));
    assertNull(op.pathVariables("/api/v2/workspaces/w/rayCluster/c"));
  }

  @Test
  void pathVariables_malformedEscape_isKeptAsSent() {
    assertEquals("c%zz", op.pathVariables("/api/v1/workspaces/w/rayCluster/c%zz").get("clusterId"));
  }
}
