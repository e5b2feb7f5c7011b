package io.raycluster.contract.client;

import io.raycluster.contract.client.generated.ApiContract;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The service's regional endpoints, from the spec's {@code servers}: the public one
 * ({@code https://emr-serverless-spark.{regionId}.aliyuncs.com}) and the one inside a VPC (the
 * server marked {@code x-vpc}), with the region put in. The regions that have an endpoint are the
 * ones the servers list. All of it comes from the generated {@link ApiContract}.
 */
public final class Endpoints {
  private Endpoints() {}

  /** The endpoint of a known region. */
  public static HttpUrl forRegion(String region, boolean vpc) {
    return forRegion(region, vpc, false);
  }

  /**
   * The endpoint of a region; with {@code allowUnknownRegion} a region the spec does not list
   * gets the servers' naming pattern instead of an error.
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
    String template = vpc ? ApiContract.VPC_SERVER_URL : ApiContract.PUBLIC_SERVER_URL;
    if (template == null) {
      throw new IllegalArgumentException("The spec declares no " + (vpc ? "VPC (x-vpc) " : "public ")
          + "server; pass endpoint(url)");
    }
    return HttpUrl.get(template.replace("{regionId}", region));
  }
}
