package io.raycluster.contract.conformance.replay.junit5;

import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.GET_RAY_CLUSTER;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.RUNNING;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.STARTING_THEN_RUNNING;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vendor's official SDK core ({@code com.aliyun:tea-openapi}) against the fake: its generic
 * {@code callApi}, ROA style, over plain HTTP. By default (and with {@code signatureAlgorithm}
 * {@code ACS3-HMAC-SHA256}) it signs with signature V3, which the fake checks for real: the
 * same call with another secret is refused.
 */
@FakeEmrServerlessSpark(classpath = "fake-spark")
class VendorSdkAgainstTheFakeTest {
  /** The SDK's configuration for the fake: its key pair, its host and port, plain HTTP. */
  private static Config config(FakeSpark spark) {
    return new Config()
        .setAccessKeyId(spark.accessKeyId())
        .setAccessKeySecret(spark.accessKeySecret())
        .setEndpoint(spark.endpoint())
        .setProtocol("HTTP");
  }

  /** GetRayCluster as the SDK's generic call, from the spec's action, version, method and path. */
  private static Params getRayCluster(String workspaceId, String clusterId) {
    return new Params()
        .setAction(GET_RAY_CLUSTER.action())
        .setVersion(GET_RAY_CLUSTER.version())
        .setProtocol("HTTP")
        .setMethod(GET_RAY_CLUSTER.method())
        .setPathname(TestRecordings.path(workspaceId, clusterId))
        .setAuthType("AK")
        .setStyle("ROA")
        .setReqBodyType("json")
        .setBodyType("json");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> call(Client sdk, Params params) throws Exception {
    Map<String, ?> response = sdk.callApi(params, new OpenApiRequest(), new RuntimeOptions());
    assertEquals(200, ((Number) response.get("statusCode")).intValue(), response.toString());
    return (Map<String, Object>) response.get("body");
  }

  @Test
  void vendorSdk_withItsDefaultSignature_getsTheRecordedCluster(FakeSpark spark) throws Exception {
    Map<String, Object> body = call(new Client(config(spark)),
        getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()));

    assertEquals(RUNNING.get("clusterId").asText(), body.get("clusterId"));
    assertEquals(RUNNING.get("state").asText(), body.get("state"));
  }

  @Test
  void vendorSdk_withSignatureAlgorithmAcs3_getsTheRecordedCluster(FakeSpark spark) throws Exception {
    Map<String, Object> body = call(new Client(config(spark).setSignatureAlgorithm("ACS3-HMAC-SHA256")),
        getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()));

    assertEquals(RUNNING.get("name").asText(), body.get("name"));
  }

  @Test
  void vendorSdk_idsThatNeedPercentEncoding_areSignedAndServed(FakeSpark spark) throws Exception {
    String clusterId = "ray-odd id*/~'";
    spark.recordings().addBody(((ObjectNode) RUNNING.deepCopy()).put("clusterId", clusterId).toString()
        .getBytes(StandardCharsets.UTF_8));

    Map<String, Object> body = call(new Client(config(spark)), getRayCluster("w-odd +id", clusterId));

    assertEquals(clusterId, body.get("clusterId"));
  }

  @Test
  void vendorSdk_withAnStsToken_signsItAndIsServed(FakeSpark spark) throws Exception {
    // The fake cannot check an STS token, only that the signature covers it.
    Config sts = config(spark).setSecurityToken("sts-token-for-the-fake");

    Map<String, Object> body = call(new Client(sts), getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()));

    assertEquals(RUNNING.get("clusterId").asText(), body.get("clusterId"));
  }

  @Test
  void vendorSdk_withAnotherSecret_isRefusedWithSignatureDoesNotMatch(FakeSpark spark) throws Exception {
    Client sdk = new Client(config(spark).setAccessKeySecret(spark.accessKeySecret() + "x"));

    TeaException e = assertThrows(TeaException.class,
        () -> sdk.callApi(getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()), new OpenApiRequest(),
            new RuntimeOptions()));

    assertEquals("SignatureDoesNotMatch", e.getCode());
    assertEquals(400, e.getStatusCode());
  }

  @Test
  void vendorSdk_unrecordedCluster_failsWithTheDocumentedNotFoundCode(FakeSpark spark) throws Exception {
    Client sdk = new Client(config(spark));

    TeaException e = assertThrows(TeaException.class,
        () -> sdk.callApi(getRayCluster(WORKSPACE, "ray-none"), new OpenApiRequest(), new RuntimeOptions()));

    assertEquals(TestRecordings.notFoundCode(), e.getCode());
    assertEquals(404, e.getStatusCode());
  }

  @Test
  void vendorSdk_pollingAStartingCluster_seesTheRecordedStatesInOrder(FakeSpark spark) throws Exception {
    Client sdk = new Client(config(spark));
    Params poll = getRayCluster(WORKSPACE, TestRecordings.harCluster(STARTING_THEN_RUNNING));

    List<Object> states = List.of(call(sdk, poll).get("state"), call(sdk, poll).get("state"), call(sdk, poll).get("state"));

    String first = TestRecordings.harBody(STARTING_THEN_RUNNING, 0).get("state").asText();
    String second = TestRecordings.harBody(STARTING_THEN_RUNNING, 1).get("state").asText();
    assertEquals(List.of(first, second, second), states);
  }

  @Test
  void vendorSdk_withTheOlderRoaSignature_isRefusedAsNotSignatureV3(FakeSpark spark) throws Exception {
    // signatureAlgorithm "v2" makes the SDK sign ROA calls the older way (HMAC-SHA1,
    // "Authorization: acs <id>:<signature>"); the fake checks signature V3 only.
    Client sdk = new Client(config(spark).setSignatureAlgorithm("v2"));

    TeaException e = assertThrows(TeaException.class,
        () -> sdk.callApi(getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()), new OpenApiRequest(),
            new RuntimeOptions()));

    assertEquals("IncompleteSignature", e.getCode());
    assertTrue(e.getMessage().contains("ACS3-HMAC-SHA256"), e.getMessage());
  }
}
