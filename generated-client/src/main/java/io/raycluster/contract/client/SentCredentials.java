package io.raycluster.contract.client;

import io.raycluster.contract.client.credentials.Credentials;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The credential values (AccessKey id, AccessKey secret, STS token) a client has signed with, so
 * that its {@link io.raycluster.contract.client.auth.Redaction} masks them wherever a server
 * echoes them. A provider may refresh credentials, so every set signed with is kept, the oldest
 * dropped past {@link #MAX_VALUES}. Thread-safe; never printed.
 */
final class SentCredentials implements Supplier<Collection<String>> {
  /** Three values per set: the last 21 sets of refreshed credentials, a lifetime of STS refreshes. */
  static final int MAX_VALUES = 63;

  private final LinkedHashSet<String> values = new LinkedHashSet<>();
  private volatile List<String> snapshot = List.of();

  /** Remembers {@code c}'s values (its id, secret and token when it has one). */
  void add(Credentials c) {
    if (snapshot.contains(c.accessKeySecret()) && snapshot.contains(c.accessKeyId())
        && (c.securityToken() == null || snapshot.contains(c.securityToken()))) {
      return;
    }
    synchronized (values) {
      for (String v : new String[] {c.accessKeyId(), c.accessKeySecret(), c.securityToken()}) {
        if (v != null) {
          values.remove(v);
          values.add(v);
        }
      }
      Iterator<String> oldest = values.iterator();
      while (values.size() > MAX_VALUES) {
        oldest.next();
        oldest.remove();
      }
      snapshot = List.copyOf(values);
    }
  }

  @Override
  public Collection<String> get() {
    return snapshot;
  }

  @Override
  public String toString() {
    return "SentCredentials{" + snapshot.size() + " values}";
  }
}
