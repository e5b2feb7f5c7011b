package io.raycluster.contract.client.credentials;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import java.util.Objects;

/**
 * Uses the vendor's own credential library, {@code com.aliyun:credentials-java}, as a
 * {@link CredentialsProvider}: its chain covers the sources that need a network call
 * (RamRoleArn, ECS instance role, OIDC/RRSA, ...), which {@link CredentialsProviders} does not.
 *
 * <p>Opt-in: the client declares that library as an optional dependency, so add it to your own
 * build (same version as this project's root pom) before calling this class.
 */
public final class VendorCredentialsAdapter {
  private VendorCredentialsAdapter() {}

  /** The vendor library's default chain ({@code new com.aliyun.credentials.Client()}). */
  public static CredentialsProvider defaultChain() {
    Client client;
    try {
      client = new Client();
    } catch (RuntimeException e) {
      throw new CredentialsException("The vendor's credentials-java chain could not start: " + describe(e), e);
    }
    return of(client);
  }

  /** A configured vendor client; it caches and refreshes temporary credentials itself. */
  public static CredentialsProvider of(Client client) {
    Objects.requireNonNull(client, "client");
    return () -> {
      CredentialModel model;
      try {
        model = client.getCredential();
      } catch (RuntimeException e) {
        throw new CredentialsException("The vendor's credentials-java chain has no usable credentials: "
            + describe(e), e);
      }
      if (model == null || model.getAccessKeyId() == null || model.getAccessKeySecret() == null) {
        throw new CredentialsException("The vendor's credentials-java chain returned "
            + (model == null ? "nothing" : "credentials of type " + model.getType() + " without an AccessKey pair")
            + "; ACS3-HMAC-SHA256 needs an AccessKey id and secret");
      }
      String source = "credentials-java" + (model.getProviderName() == null ? "" : " (" + model.getProviderName() + ")");
      return Credentials.from(model.getAccessKeyId(), model.getAccessKeySecret(), model.getSecurityToken(), source);
    };
  }

  private static String describe(RuntimeException e) {
    // The library's messages name providers and files; cut them short, they are diagnostics.
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 500 ? m.substring(0, 500) + "…" : m;
  }
}
