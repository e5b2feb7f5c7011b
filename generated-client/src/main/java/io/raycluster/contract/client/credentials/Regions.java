package io.raycluster.contract.client.credentials;

/**
 * The region the vendor's tools would use: {@code ALIBABA_CLOUD_REGION_ID}, then the
 * {@code region_id} of the selected CLI profile.
 */
public final class Regions {
  static final String REGION_VAR = "ALIBABA_CLOUD_REGION_ID";

  private Regions() {}

  /** The configured region, or {@code null} when neither place names one. */
  public static String configuredRegion(Environment env) {
    String region = env.get(REGION_VAR);
    if (region != null) {
      return region;
    }
    try {
      CliConfig config = CliConfig.load(env);
      return config == null ? null : config.text("region_id");
    } catch (CredentialsException e) {
      return null;
    }
  }

  /** Where {@link #configuredRegion} looks, for error messages. */
  public static String describeWhere(Environment env) {
    return REGION_VAR + " and the region_id of " + CliConfig.describeWhere(env);
  }
}
