package io.raycluster.contract.conformance.har;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raycluster.contract.conformance.JsonDocuments;
import io.raycluster.contract.conformance.Limits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarIoTest {
  @Test
  void writeThenRead_roundTripsWhatAReplayNeeds() throws Exception {
    String body = "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\"}";
    HarEntry entry = HarEntry.of("2026-11-20T10:00:00.000Z", 12.5,
        HarRequest.of("GET", "https://h/api/v1/workspaces/w/rayCluster/c", List.of(HarHeader.of("x-acs-action", "GetRayCluster"))),
        HarResponse.of(200, "OK", List.of(HarHeader.of("Content-Type", "application/json")), "application/json", body));
    Har har = Har.of("raycluster-conformance", "test", List.of(entry));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HarIo.write(har, out);

    Har read = HarIo.read(out.toByteArray(), JsonDocuments.create(Limits.defaults()));
    HarEntry back = read.log().entries().get(0);
    assertEquals("1.2", read.log().version());
    assertEquals("GET", back.request().method());
    assertEquals(200, back.response().status());
    assertEquals("application/json", back.response().header("content-type").orElseThrow());
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), back.response().content().bytes().orElseThrow());
  }

  @Test
  void content_base64_isDecoded() {
    HarContent c = new HarContent(2L, null, "application/json", "e30=", "base64", null);
    assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), c.bytes().orElseThrow());
  }
}
