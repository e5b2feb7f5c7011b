package io.raycluster.contract.conformance.replay.junit5;

import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.conformance.replay.ReplayRecordings;
import io.raycluster.contract.conformance.replay.ReplaySession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One started fake: a {@link ReplaySession} and its request log. */
final class RunningFake implements FakeSpark, AutoCloseable {
  /** What to start: recordings on the classpath and on disk, and a key pair (none: a throwaway one). */
  record Setup(List<String> classpath, List<Path> paths, Map<String, String> credentials) {
    /** No recordings (every call is answered 404 until a test adds some), a throwaway key. */
    static final Setup NONE = new Setup(List.of(), List.of(), Map.of());
  }

  private final ReplaySession session;
  private final Map.Entry<String, String> key;
  private final Queue<String> log;

  private RunningFake(ReplaySession session, Queue<String> log) {
    this.session = session;
    // One pair: the one given, or the throwaway one the session made.
    this.key = session.accessKeys().entrySet().iterator().next();
    this.log = log;
  }

  /**
   * Loads the recordings and starts the server.
   *
   * @param owner what the fake is for ("@FakeEmrServerlessSpark on ClusterServiceTest"), for messages
   * @throws ExtensionConfigurationException naming every recording that cannot be read, or a
   *     classpath resource that is not there
   */
  static RunningFake start(Setup setup, ClassLoader loader, String owner) {
    String cannotStart = "The fake EMR Serverless Spark (" + owner + ") cannot start: ";
    Queue<String> log = new ConcurrentLinkedQueue<>();
    try (ClasspathRecordings onClasspath = ClasspathRecordings.open(loader, setup.classpath())) {
      List<Path> recordings = new ArrayList<>(onClasspath.paths());
      recordings.addAll(setup.paths());
      try {
        ReplaySession session = ReplaySession.builder().recordings(recordings).credentials(setup.credentials())
            .log(log::add).start();
        return new RunningFake(session, log);
      } catch (ReplaySession.LoadException e) {
        StringBuilder message = new StringBuilder(cannotStart).append(e.problems().size())
            .append(e.problems().size() == 1 ? " problem" : " problems").append(" in its recordings:");
        e.problems().forEach(p -> message.append("\n  ").append(p));
        onClasspath.inJars().forEach(j -> message.append("\n(").append(j).append(")"));
        throw new ExtensionConfigurationException(message.toString());
      }
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(cannotStart + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(cannotStart + e.getMessage(), e);
    }
  }

  @Override
  public String baseUrl() {
    return session.baseUrl();
  }

  @Override
  public String endpoint() {
    return URI.create(session.baseUrl()).getRawAuthority();
  }

  @Override
  public String accessKeyId() {
    return key.getKey();
  }

  @Override
  public String accessKeySecret() {
    return key.getValue();
  }

  @Override
  public CredentialsProvider credentials() {
    return session.credentials();
  }

  @Override
  public ReplayRecordings recordings() {
    return session.server().recordings();
  }

  @Override
  public List<String> requestLog() {
    return List.copyOf(log);
  }

  @Override
  public void close() {
    session.close();
  }

  /** The address and the key id, never the secret. */
  @Override
  public String toString() {
    return "FakeSpark{" + baseUrl() + ", accessKeyId=" + accessKeyId() + "}";
  }
}
