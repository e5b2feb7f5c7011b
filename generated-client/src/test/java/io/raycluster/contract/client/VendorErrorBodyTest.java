package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.VendorErrorBody.Kind;
import io.raycluster.contract.client.generated.ApiContract;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorErrorBodyTest {
  @Test
  void pascalAndCamelCase_areReadTheSame() {
    VendorErrorBody pascal = parse("{\"Code\":\"Throttling.User\",\"Message\":\"m\",\"RequestId\":\"r\","
        + "\"HostId\":\"h\",\"Recommend\":\"https://x\"}");
    VendorErrorBody camel = parse("{\"code\":\"Throttling.User\",\"message\":\"m\",\"requestId\":\"r\","
        + "\"hostId\":\"h\",\"recommend\":\"https://x\"}");
    for (VendorErrorBody b : List.of(pascal, camel)) {
      assertEquals("Throttling.User", b.code());
      assertEquals("m", b.message());
      assertEquals("r", b.requestId());
      assertEquals("h", b.hostId());
      assertEquals("https://x", b.recommend());
    }
  }

  @Test
  void accessDeniedDetail_keepsAnyJson_nullsIncluded() {
    VendorErrorBody b = parse("{\"Code\":\"Forbidden.RAM\",\"AccessDeniedDetail\":{\"PolicyType\":null,"
        + "\"AuthAction\":\"emr-serverless-spark:GetRayCluster\",\"Nested\":{\"list\":[1,null,\"x\"]}}}");
    Map<String, Object> detail = b.accessDeniedDetail();
    assertTrue(detail.containsKey("PolicyType"));
    assertNull(detail.get("PolicyType"));
    assertEquals("emr-serverless-spark:GetRayCluster", detail.get("AuthAction"));
    assertEquals(Map.of("list", Arrays.asList(1, null, "x")), new HashMap<>((Map<?, ?>) detail.get("Nested")));
    assertThrows(UnsupportedOperationException.class, () -> detail.put("x", 1));
  }

  @Test
  void notTheVendorsFormat_isEmpty_neverAnException() {
    for (String body : List.of("", "<html>502</html>", "[1]", "{\"a\":1}", "{\"Code\":", "null", "\"Code\"",
        "{\"Code\":null,\"Message\":null}")) {
      assertTrue(VendorErrorBody.parse(body.getBytes(StandardCharsets.UTF_8)).isEmpty(), body);
    }
    assertTrue(VendorErrorBody.parse(null).isEmpty());
  }

  @Test
  void requestIdFallback_onlyWhenTheBodyHasNone() {
    assertEquals("from-header", parse("{\"Code\":\"X\"}").withRequestIdFallback("from-header").requestId());
    assertEquals("r", parse("{\"Code\":\"X\",\"RequestId\":\"r\"}").withRequestIdFallback("from-header").requestId());
  }

  @Test
  void describe_masksTheSecretQueryValuesTheMessageEchoes() {
    String d = parse("{\"Code\":\"X\",\"Message\":\"see https://d/x?token=s3cr3t\",\"RequestId\":\"r\"}").describe(400);
    assertEquals("X: see https://d/x?token=*** (HTTP 400, request id r)", d);
  }

  @Test
  void classify_followsTheSpecsErrorCodes_inOrder() {
    for (String code : exact(ApiContract.THROTTLING_CODES)) {
      assertEquals(Kind.THROTTLING, VendorErrorBody.classify(code, 400), code);
    }
    for (String code : exact(ApiContract.AUTHENTICATION_CODES)) {
      assertEquals(Kind.AUTHENTICATION, VendorErrorBody.classify(code, 404), code);
    }
    for (String glob : ApiContract.THROTTLING_CODES) {
      assertEquals(Kind.THROTTLING, VendorErrorBody.classify(glob.replace("*", "Anything"), 400), glob);
    }
    for (String glob : ApiContract.NOT_FOUND_CODES) {
      String code = glob.replace("*", "Thing");
      Kind expected = exact(ApiContract.AUTHENTICATION_CODES).contains(code) ? Kind.AUTHENTICATION : Kind.NOT_FOUND;
      assertEquals(expected, VendorErrorBody.classify(code, 400), glob);
    }
  }

  @Test
  void classify_a404WithAnyOtherCode_isNotFound_andOtherwiseOther() {
    assertEquals(Kind.NOT_FOUND, VendorErrorBody.classify("SomethingElse", 404));
    assertEquals(Kind.NOT_FOUND, VendorErrorBody.classify(null, 404));
    assertEquals(Kind.OTHER, VendorErrorBody.classify("SomethingElse", 400));
    assertEquals(Kind.OTHER, VendorErrorBody.classify(null, 500));
    assertFalse(VendorErrorBody.classify("NotThrottling", 400) == Kind.THROTTLING, "patterns match whole codes");
  }

  private static List<String> exact(List<String> codes) {
    return codes.stream().filter(c -> !c.contains("*")).toList();
  }

  private static VendorErrorBody parse(String json) {
    return VendorErrorBody.parse(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }
}
