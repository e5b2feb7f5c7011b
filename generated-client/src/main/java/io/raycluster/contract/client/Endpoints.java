package io.raycluster.contract.client;

import io.raycluster.contract.client.generated.ApiContract;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The service's regional endpoints: {@code https://emr-serverless-spark.<region>.aliyuncs.com}
 * and, inside a VPC, {@code https://emr-serverless-spark-vpc.<region>.aliyuncs.com}. The regions
 * that have an endpoint are the ones the spec's {@code servers} list.
 */
public final class Endpoints {
  private Endpoints() {}

  /** The endpoint of a known region. */
  public static HttpUrl forRegion(String region, boolean vpc) {
    return forRegion(region, vpc, false);
  }

  /**
   * The endpoint of a region; with {@code allowUnknownRegion} a region the spec does not list
   * gets the vendor's naming pattern instead of an error.
   *
   * @throws IllegalArgumentException for an unknown region (listing the known ones) or a region
   *     id that cannot be a host name label
   */
  public static HttpUrl forRegion(String region, boolean vpc, boolean allowUnknownRegion) {
    if (region == null || !region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("region must look like cn-hangzhou (lower-case letters, digits, "
          + "hyphens), got " + (region == null ? "null" : "\"" + region + "\""));
    }
    List<String> regions = ApiContract.REGIONS;
    if (!regions.contains(region) && !allowUnknownRegion) {
      throw new IllegalArgumentException("No known endpoint for region \"" + region + "\". Known regions: "
          + String.join(", ", regions) + ". To use the vendor's naming pattern anyway, call "
          + "allowUnknownRegion() on the builder, or pass endpoint(url).");
    }
    return new HttpUrl.Builder()
        .scheme("https")
        .host("emr-serverless-spark" + (vpc ? "-vpc" : "") + "." + region + ".aliyuncs.com")
        .build();
  }
}
