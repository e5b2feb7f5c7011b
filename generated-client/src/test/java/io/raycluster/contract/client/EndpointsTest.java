package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.credentials.Environment;
import java.nio.file.Path;
import java.util.Map;
import io.raycluster.contract.client.generated.ApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {
  @TempDir
  Path home;

  @Test
  void region_givesThePublicEndpoint() {
    try (RayClusterClient c = RayClusterClient.builder().region("cn-hangzhou").build()) {
      assertEquals("https://emr-serverless-spark.cn-hangzhou.aliyuncs.com/", c.endpoint().toString());
    }
  }

  @Test
  void vpcEndpoint_givesTheVpcHost() {
    try (RayClusterClient c = RayClusterClient.builder().region("ap-southeast-1").vpcEndpoint().build()) {
      assertEquals("emr-serverless-spark-vpc.ap-southeast-1.aliyuncs.com", c.endpoint().host());
    }
  }

  @Test
  void everyRegionOfTheSpec_hasAnEndpoint() {
    assertFalse(ApiContract.REGIONS.isEmpty());
    for (String region : ApiContract.REGIONS) {
      assertEquals("emr-serverless-spark." + region + ".aliyuncs.com", Endpoints.forRegion(region, false).host());
    }
  }

  @Test
  void unknownRegion_failsListingTheKnownOnes() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RayClusterClient.builder().region("cn-nowhere").build());
    assertTrue(e.getMessage().contains("\"cn-nowhere\""), e.getMessage());
    assertTrue(e.getMessage().contains("cn-hangzhou, cn-chengdu"), e.getMessage());
    assertTrue(e.getMessage().contains("allowUnknownRegion()"), e.getMessage());
  }

  @Test
  void unknownRegion_withOptIn_usesTheNamingPattern() {
    try (RayClusterClient c = RayClusterClient.builder().region("cn-nowhere").allowUnknownRegion().build()) {
      assertEquals("emr-serverless-spark.cn-nowhere.aliyuncs.com", c.endpoint().host());
    }
  }

  @Test
  void malformedRegion_isRejected() {
    assertThrows(IllegalStateException.class,
        () -> RayClusterClient.builder().region("evil.com/x").allowUnknownRegion().build());
  }

  @Test
  void withCredentialsAndNoRegion_regionComesFromTheEnvironment() {
    try (RayClusterClient c = RayClusterClient.builder()
        .credentials(CredentialsProviders.of("id", "secret"))
        .environment(Environment.of(Map.of("ALIBABA_CLOUD_REGION_ID", "cn-beijing"), home))
        .build()) {
      assertEquals("emr-serverless-spark.cn-beijing.aliyuncs.com", c.endpoint().host());
    }
  }

  @Test
  void withCredentialsAndNoRegionAnywhere_failsSayingWhereItLooked() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RayClusterClient.builder()
        .credentials(CredentialsProviders.of("id", "secret"))
        .environment(Environment.of(Map.of(), home))
        .build());
    assertTrue(e.getMessage().contains("endpoint is required"), e.getMessage());
    assertTrue(e.getMessage().contains("ALIBABA_CLOUD_REGION_ID"), e.getMessage());
  }

  @Test
  void endpointAndRegionTogether_areRejected() {
    assertThrows(IllegalStateException.class,
        () -> RayClusterClient.builder().endpoint("http://127.0.0.1:1").region("cn-hangzhou").build());
  }
}
