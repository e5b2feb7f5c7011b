package io.raycluster.contract.conformance.replay.junit5;

import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.conformance.replay.ReplayRecordings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link FakeEmrServerlessSpark @FakeEmrServerlessSpark}, and the
 * one to register as a field for more control. Like WireMock's extension, a {@code static} field
 * runs one fake for the whole class and an instance field one fresh fake per test (fresh
 * recordings, request log and throwaway key pair; a test class with
 * {@code @TestInstance(PER_CLASS)} has one instance, so one fake). The field is itself the
 * {@link FakeSpark}, and tests may also take it as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeEmrServerlessSparkExtension spark = FakeEmrServerlessSparkExtension.builder()
 *     .classpath("recordings")
 *     .build();
 *
 * @Test
 * void readsTheCluster() {
 *   RayClusterClient client = RayClusterClient.builder()
 *       .endpoint(spark.baseUrl()).credentials(spark.credentials()).build();
 * }
 * }</pre>
 *
 * <p>It is a thin adapter over {@link io.raycluster.contract.conformance.replay.ReplaySession}:
 * the same loading (a bad recording fails the tests with its file and JSON pointer), the same
 * server and signature checks as {@code raycluster-conformance replay}.
 */
public final class FakeEmrServerlessSparkExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
    FakeSpark {
  /** What a field was built with; {@code null} for the annotation's extension, which reads it. */
  private final RunningFake.Setup setup;
  /** The fake this field runs now, for its {@link FakeSpark} methods; the annotation's keeps none. */
  private volatile RunningFake current;

  /**
   * The extension {@link FakeEmrServerlessSpark @FakeEmrServerlessSpark} registers; it reads the
   * recordings from the annotation. Build a field with {@link #builder()} instead.
   */
  public FakeEmrServerlessSparkExtension() {
    this.setup = null;
  }

  private FakeEmrServerlessSparkExtension(RunningFake.Setup setup) {
    this.setup = setup;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<FakeEmrServerlessSpark> annotation = setup != null ? Optional.empty()
        : AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FakeEmrServerlessSpark.class);
    // A nested class shares its enclosing class's fake, unless it is annotated itself. Plain
    // @ExtendWith(FakeEmrServerlessSparkExtension.class) runs one without recordings.
    if (annotation.isPresent() || find(context) == null) {
      start(context, annotation.map(FakeEmrServerlessSparkExtension::setupOf)
          .orElse(setup != null ? setup : RunningFake.Setup.NONE));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // Only a fake that no class started: an instance field's, one per test.
    if (find(context) == null) {
      start(context, setup);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeSpark.class;
  }

  @Override
  public FakeSpark resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningFake fake = find(context);
    if (fake == null) {
      throw new ParameterResolutionException("No fake EMR Serverless Spark runs where "
          + parameter.getDeclaringExecutable() + " is called");
    }
    return fake;
  }

  @Override
  public String baseUrl() {
    return running().baseUrl();
  }

  @Override
  public String endpoint() {
    return running().endpoint();
  }

  @Override
  public String accessKeyId() {
    return running().accessKeyId();
  }

  @Override
  public String accessKeySecret() {
    return running().accessKeySecret();
  }

  @Override
  public CredentialsProvider credentials() {
    return running().credentials();
  }

  @Override
  public ReplayRecordings recordings() {
    return running().recordings();
  }

  @Override
  public List<String> requestLog() {
    return running().requestLog();
  }

  @Override
  public String toString() {
    RunningFake fake = current;
    return fake == null ? "FakeSpark{not running}" : fake.toString();
  }

  private RunningFake running() {
    RunningFake fake = current;
    if (fake == null) {
      throw new IllegalStateException("The fake EMR Serverless Spark is not running: a field's fake runs only "
          + "while the tests of its class (static field) or its test (instance field) run; register the field "
          + "with @RegisterExtension");
    }
    return fake;
  }

  private void start(ExtensionContext context, RunningFake.Setup what) {
    Class<?> testClass = context.getRequiredTestClass();
    RunningFake fake = RunningFake.start(what, loader(testClass),
        (setup == null ? "@FakeEmrServerlessSpark on " : "the FakeEmrServerlessSparkExtension field of ")
            + testClass.getName());
    store(context).put(context.getUniqueId(), fake);
    if (setup != null) {
      current = fake;
    }
  }

  private void stop(ExtensionContext context) {
    RunningFake fake = store(context).remove(context.getUniqueId(), RunningFake.class);
    if (fake != null) {
      if (current == fake) {
        current = null;
      }
      fake.close();
    }
  }

  /** The fake of this context or the nearest enclosing one (a class, an enclosing class), or null. */
  private RunningFake find(ExtensionContext context) {
    ExtensionContext.Store store = store(context);
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      RunningFake fake = store.get(c.get().getUniqueId(), RunningFake.class);
      if (fake != null) {
        return fake;
      }
    }
    return null;
  }

  /** Fakes are kept per extension instance, so two fields in one class do not see each other's. */
  private ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(FakeEmrServerlessSparkExtension.class, this));
  }

  private static ClassLoader loader(Class<?> testClass) {
    ClassLoader loader = testClass.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private static RunningFake.Setup setupOf(FakeEmrServerlessSpark annotation) {
    return new RunningFake.Setup(List.of(annotation.classpath()),
        Arrays.stream(annotation.paths()).map(Path::of).toList(), Map.of());
  }

  /** Builds a {@link FakeEmrServerlessSparkExtension} to register as a field. */
  public static final class Builder {
    private final List<String> classpath = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final Map<String, String> credentials = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Recordings on the test's classpath, folders or files by resource name
     * ({@code "recordings"}: {@code src/test/resources/recordings} in a Maven project).
     */
    public Builder classpath(String... names) {
      for (String name : names) {
        classpath.add(Objects.requireNonNull(name, "name"));
      }
      return this;
    }

    /** Recordings on disk, folders or files (relative: to the working directory). */
    public Builder paths(Path... paths) {
      for (Path path : paths) {
        this.paths.add(Objects.requireNonNull(path, "path"));
      }
      return this;
    }

    /**
     * Accept this key pair instead of a throwaway one, for code under test that reads its
     * credentials from its own configuration.
     */
    public Builder credential(String accessKeyId, String accessKeySecret) {
      credentials.clear();
      credentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"),
          Objects.requireNonNull(accessKeySecret, "accessKeySecret"));
      return this;
    }

    public FakeEmrServerlessSparkExtension build() {
      return new FakeEmrServerlessSparkExtension(
          new RunningFake.Setup(List.copyOf(classpath), List.copyOf(paths), Map.copyOf(credentials)));
    }
  }
}
