package io.raycluster.contract.client.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The credential sources, and the chain that tries them in the vendor's order.
 *
 * <p>{@link #defaultChain()} looks, in order, at: the environment variables
 * ({@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET},
 * {@code ALIBABA_CLOUD_SECURITY_TOKEN}); the OIDC variables (only to say they cannot be used
 * here); the CLI's {@code ~/.aliyun/config.json}; the INI file {@code ~/.alibabacloud/credentials}.
 * The first source that has credentials wins. A source that is set up but unusable (a profile in
 * RamRoleArn mode, a key id without its secret) stops the chain with an error saying so, rather
 * than silently falling through to other credentials. When nothing is found, the error lists
 * every place looked at. The ECS instance role is not tried: it needs the metadata service.
 */
public final class CredentialsProviders {
  static final String ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
  static final String ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
  static final String SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
  static final String ROLE_ARN = "ALIBABA_CLOUD_ROLE_ARN";
  static final String OIDC_PROVIDER_ARN = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
  static final String OIDC_TOKEN_FILE = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";

  private CredentialsProviders() {}

  /** Always the given credentials. */
  public static CredentialsProvider of(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return () -> credentials;
  }

  /** A long-term AccessKey pair. */
  public static CredentialsProvider of(String accessKeyId, String accessKeySecret) {
    return of(Credentials.of(accessKeyId, accessKeySecret));
  }

  /** The vendor's default chain over the process environment and home folder. */
  public static CredentialsProvider defaultChain() {
    return defaultChain(Environment.system());
  }

  /** The vendor's default chain over the given environment (tests pass a map and a temp home). */
  public static CredentialsProvider defaultChain(Environment env) {
    return chain(List.of(environmentSource(env), oidcSource(env), cliConfigSource(env), iniFileSource(env)));
  }

  /** Only the environment variables. */
  public static CredentialsProvider environment(Environment env) {
    return chain(List.of(environmentSource(env)));
  }

  /** Only the CLI's config.json (the profile chosen by {@code ALIBABA_CLOUD_PROFILE} or {@code current}). */
  public static CredentialsProvider cliConfig(Environment env) {
    return chain(List.of(cliConfigSource(env)));
  }

  /** Only the INI credentials file. */
  public static CredentialsProvider iniFile(Environment env) {
    return chain(List.of(iniFileSource(env)));
  }

  /**
   * A profile the user named explicitly (its name in {@code ALIBABA_CLOUD_PROFILE} of
   * {@code env}): the CLI's config.json, then the INI file. The environment's key pair is not
   * looked at, so naming a profile is never overridden by ambient credentials.
   */
  public static CredentialsProvider namedProfile(Environment env) {
    return chain(List.of(cliConfigSource(env), iniFileSource(env)));
  }

  /** One place to look: {@code find} returns {@code null} when it holds nothing. */
  interface Source {
    String where();

    Credentials find();
  }

  static CredentialsProvider chain(List<Source> sources) {
    return () -> {
      List<String> looked = new ArrayList<>();
      for (Source s : sources) {
        looked.add(s.where());
        Credentials c = s.find();
        if (c != null) {
          return c;
        }
      }
      StringBuilder sb = new StringBuilder("No Alibaba Cloud credentials found. Looked at:");
      for (int i = 0; i < looked.size(); i++) {
        sb.append("\n  ").append(i + 1).append(". ").append(looked.get(i));
      }
      sb.append("\nSet ").append(ACCESS_KEY_ID).append(" and ").append(ACCESS_KEY_SECRET)
          .append(" (plus ").append(SECURITY_TOKEN).append(" for STS), or run `aliyun configure`.");
      throw new CredentialsException(sb.toString());
    };
  }

  static Source environmentSource(Environment env) {
    return new Source() {
      @Override
      public String where() {
        return "the environment variables " + ACCESS_KEY_ID + ", " + ACCESS_KEY_SECRET + ", " + SECURITY_TOKEN;
      }

      @Override
      public Credentials find() {
        String id = env.get(ACCESS_KEY_ID);
        String secret = env.get(ACCESS_KEY_SECRET);
        String token = env.get(SECURITY_TOKEN);
        if (id == null && secret == null) {
          if (token != null) {
            throw new CredentialsException(SECURITY_TOKEN + " is set but " + ACCESS_KEY_ID + " and "
                + ACCESS_KEY_SECRET + " are not; an STS token needs its temporary key pair");
          }
          return null;
        }
        if (id == null || secret == null) {
          throw new CredentialsException((id == null ? ACCESS_KEY_SECRET : ACCESS_KEY_ID) + " is set but "
              + (id == null ? ACCESS_KEY_ID : ACCESS_KEY_SECRET) + " is not; set both");
        }
        return Credentials.from(id, secret, token, "environment variables");
      }
    };
  }

  static Source oidcSource(Environment env) {
    return new Source() {
      @Override
      public String where() {
        return "the OIDC variables " + ROLE_ARN + ", " + OIDC_PROVIDER_ARN + ", " + OIDC_TOKEN_FILE
            + " (reported, not used: they need a call to STS)";
      }

      @Override
      public Credentials find() {
        if (env.get(ROLE_ARN) != null && env.get(OIDC_PROVIDER_ARN) != null && env.get(OIDC_TOKEN_FILE) != null) {
          throw new CredentialsException("OIDC (RRSA) credentials are set up (" + ROLE_ARN + ", " + OIDC_PROVIDER_ARN
              + ", " + OIDC_TOKEN_FILE + "), but exchanging the OIDC token needs a call to STS "
              + "AssumeRoleWithOIDC that this client does not make. Instead: exchange the token yourself and export "
              + ACCESS_KEY_ID + ", " + ACCESS_KEY_SECRET + " and " + SECURITY_TOKEN
              + ", or pass credentials obtained with the vendor's SDK through CredentialsProviders.of(...).");
        }
        return null;
      }
    };
  }

  static Source cliConfigSource(Environment env) {
    return new Source() {
      @Override
      public String where() {
        return CliConfig.describeWhere(env);
      }

      @Override
      public Credentials find() {
        CliConfig config = CliConfig.load(env);
        return config == null ? null : config.credentials();
      }
    };
  }

  static Source iniFileSource(Environment env) {
    return new Source() {
      @Override
      public String where() {
        return IniCredentialsFile.describeWhere(env);
      }

      @Override
      public Credentials find() {
        return IniCredentialsFile.load(env);
      }
    };
  }
}
