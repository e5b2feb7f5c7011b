package io.raycluster.contract.client.credentials;

/**
 * Supplies the credentials that sign a request. Called for every attempt, so a provider may
 * return refreshed credentials; implementations must be thread-safe.
 */
@FunctionalInterface
public interface CredentialsProvider {
  /**
   * @throws CredentialsException when no credentials are available or a source is unusable; the
   *     message says where was looked and what to do, and never contains a secret
   */
  Credentials resolveCredentials();
}
