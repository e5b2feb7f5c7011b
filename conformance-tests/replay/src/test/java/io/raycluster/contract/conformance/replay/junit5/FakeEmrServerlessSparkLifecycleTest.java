package io.raycluster.contract.conformance.replay.junit5;

import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.STARTING_THEN_RUNNING;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs small test classes that use the extension (the fixtures below) through JUnit's engine
 * test kit, and checks how many fakes they got, that each was stopped afterwards, and how a bad
 * setup fails. Each fixture test polls the cluster of {@code starting-then-running.har} once:
 * a fresh fake answers with its first recorded state, a shared one with the next.
 */
class FakeEmrServerlessSparkLifecycleTest {
  private static final String FIXTURES = "fake-spark.lifecycle-fixtures";
  /** What each fixture test saw: the fake's base URL and the state it answered. */
  static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

  record Seen(String baseUrl, String state) {}

  private static final String FIRST = TestRecordings.harBody(STARTING_THEN_RUNNING, 0).get("state").asText();
  private static final String SECOND = TestRecordings.harBody(STARTING_THEN_RUNNING, 1).get("state").asText();

  @BeforeEach
  void forget() {
    SEEN.clear();
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").configurationParameter(FIXTURES, "true")
        .selectors(selectClass(fixture)).execute();
  }

  /** Polls the starting cluster once through {@code spark} and records what it saw. */
  static void poll(FakeSpark spark) {
    try (RayClusterClient client = RayClusterClient.builder().endpoint(spark.baseUrl())
        .credentials(spark.credentials()).retryPolicy(RetryPolicy.none()).build()) {
      String state = client.getRayCluster(WORKSPACE, TestRecordings.harCluster(STARTING_THEN_RUNNING))
          .getState().getValue();
      SEEN.add(new Seen(spark.baseUrl(), state));
    }
  }

  private static List<String> baseUrls() {
    return SEEN.stream().map(Seen::baseUrl).distinct().toList();
  }

  private static List<String> states() {
    return SEEN.stream().map(Seen::state).sorted().toList();
  }

  private static void assertStopped(List<String> baseUrls) {
    for (String url : baseUrls) {
      URI uri = URI.create(url);
      assertThrows(ConnectException.class, () -> {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
          s.getOutputStream().write('x');
        }
      }, url + " still accepts connections");
    }
  }

  /** The exception a failed container (a class) or test reported. */
  private static Throwable failure(List<Event> failed) {
    assertEquals(1, failed.size(), failed.toString());
    return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** Runs a fixture of two tests and checks that they shared one fake, stopped now. */
  private static void assertOneFakeForBothTests(Class<?> fixture) {
    run(fixture).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertEquals(1, baseUrls().size(), SEEN.toString());
    // The second poll got the recording's next answer.
    assertEquals(Stream.of(FIRST, SECOND).sorted().toList(), states());
    assertStopped(baseUrls());
  }

  /** Runs a fixture of two tests and checks that each had a fake of its own, each stopped now. */
  private static void assertAFakeForEachTest(Class<?> fixture) {
    run(fixture).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertEquals(2, baseUrls().size(), SEEN.toString());
    assertEquals(List.of(FIRST, FIRST), states());
    assertStopped(baseUrls());
  }

  @Test
  void classAnnotation_startsOneFakeForAllTestsOfTheClass_andStopsItAfterwards() {
    assertOneFakeForBothTests(AnnotatedClass.class);
  }

  @Test
  void staticField_startsOneFakeForAllTestsOfTheClass_andStopsItAfterwards() {
    assertOneFakeForBothTests(StaticField.class);
  }

  @Test
  void instanceField_startsAFreshFakeForEachTest_andStopsEachAfterwards() {
    assertAFakeForEachTest(InstanceField.class);
  }

  @Test
  void instanceField_ofAPerClassTestInstance_startsOneFakeForTheClass() {
    assertOneFakeForBothTests(InstanceFieldPerClassInstance.class);
  }

  @Test
  void nestedClass_annotatedItself_getsAFakeOfItsOwn() {
    assertAFakeForEachTest(NestedAnnotated.class);
  }

  @Test
  void badRecording_failsTheClassNamingTheFileAndPointer() {
    EngineExecutionResults results = run(BrokenRecording.class);

    results.testEvents().assertStatistics(s -> s.started(0));
    Throwable e = failure(results.containerEvents().failed().list());
    assertInstanceOf(ExtensionConfigurationException.class, e);
    assertTrue(e.getMessage().contains(BrokenRecording.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("bad-status.har at /log/entries/0/response/status: expected an HTTP status"),
        e.getMessage());
  }

  @Test
  void classpathFolderThatIsNotThere_failsTheClassNamingIt() {
    EngineExecutionResults results = run(MissingClasspathFolder.class);

    results.testEvents().assertStatistics(s -> s.started(0));
    Throwable e = failure(results.containerEvents().failed().list());
    assertTrue(e.getMessage().contains("no resource \"no-such-recordings\" on the test's classpath"), e.getMessage());
  }

  @Test
  void fieldUsedOutsideItsTests_saysItIsNotRunning() {
    FakeEmrServerlessSparkExtension spark = FakeEmrServerlessSparkExtension.builder().build();

    IllegalStateException e = assertThrows(IllegalStateException.class, spark::baseUrl);
    assertTrue(e.getMessage().contains("not running"), e.getMessage());
    assertEquals("FakeSpark{not running}", spark.toString());
  }

  /** Lets the fixtures run only when a test above runs them. */
  static final class OnlyFromTheLifecycleTest implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(FIXTURES).isPresent()
          ? ConditionEvaluationResult.enabled("run by FakeEmrServerlessSparkLifecycleTest")
          : ConditionEvaluationResult.disabled("a fixture of FakeEmrServerlessSparkLifecycleTest");
    }
  }

  /** Two tests that poll once each, with the fake the subclass registers. */
  @ExtendWith(OnlyFromTheLifecycleTest.class)
  abstract static class TwoPolls {
    @Test
    void first(FakeSpark spark) {
      poll(spark);
    }

    @Test
    void second(FakeSpark spark) {
      poll(spark);
    }
  }

  @FakeEmrServerlessSpark(classpath = "fake-spark")
  static class AnnotatedClass extends TwoPolls {}

  static class StaticField extends TwoPolls {
    @RegisterExtension
    static FakeEmrServerlessSparkExtension spark = FakeEmrServerlessSparkExtension.builder()
        .classpath("fake-spark").build();
  }

  static class InstanceField extends TwoPolls {
    @RegisterExtension
    FakeEmrServerlessSparkExtension spark = FakeEmrServerlessSparkExtension.builder()
        .classpath("fake-spark").build();
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class InstanceFieldPerClassInstance extends InstanceField {}

  @ExtendWith(OnlyFromTheLifecycleTest.class)
  @FakeEmrServerlessSpark(classpath = "fake-spark")
  static class NestedAnnotated {
    @Test
    void outer(FakeSpark spark) {
      poll(spark);
    }

    @Nested
    @FakeEmrServerlessSpark(classpath = "fake-spark")
    class Inner {
      @Test
      void inner(FakeSpark spark) {
        poll(spark);
      }
    }
  }

  /** Its two tests never run: the fake cannot start. */
  @FakeEmrServerlessSpark(classpath = "fake-spark-broken")
  static class BrokenRecording extends TwoPolls {}

  /** Its two tests never run: the fake cannot start. */
  @FakeEmrServerlessSpark(classpath = "no-such-recordings")
  static class MissingClasspathFolder extends TwoPolls {}
}
