package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParseDocumentedExampleTest {
  @Test
  void main_printsTheDocumentedClusterWithoutSecrets() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      ParseDocumentedExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    String[] lines = out.split("\n");
    assertEquals("Ray cluster myRayCluster (ray-k7nm8ahl5te4tg91) in state Running", lines[0]);
    assertTrue(out.contains("workers    WorkerGroup1 (CPU): 2 nodes (min 1, max 10) of 2 CPU, 8Gi memory"), out);
    assertTrue(out.contains("node       Head ray-uiulpgow9xljim10-head-7cgta: phase Running, container Running, exit 137, OOMKilled"), out);
    assertTrue(!out.contains("1d06484d3b424f7fa4ab7082a4076da2") && !out.contains("token=xxxxxx"), out);
  }
}
