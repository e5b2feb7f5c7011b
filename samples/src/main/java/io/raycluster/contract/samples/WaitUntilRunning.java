package io.raycluster.contract.samples;

import io.raycluster.contract.client.RayClusterException;
import io.raycluster.contract.client.ThrottlingException;
import io.raycluster.contract.client.TransportException;
import io.raycluster.contract.client.credentials.Environment;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a Ray cluster until it is {@code Running}, with exponential backoff and an overall
 * timeout; stops with the cluster's message if it reaches {@code Error} (or {@code Stopping} /
 * {@code Stopped}, from which it will not start by itself).
 *
 * <pre>
 * WaitUntilRunning [--replay PATH] &lt;workspaceId&gt; &lt;clusterId&gt; [timeoutSeconds]
 * </pre>
 *
 * <p>Waits 1 s, then half as long again each time, at most 15 s between polls; the default
 * timeout is 600 s. A throttled or failed poll is retried on the same schedule (the client
 * already retries within one poll). Exit codes: 0 Running; 1 Error, stopped, a vendor error or
 * the timeout; 2 something is missing.
 */
public final class WaitUntilRunning {
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofSeconds(15);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

  /** Waits between polls; tests replace it so they do not sleep. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public static void main(String[] args) {
    System.exit(run(args, Environment.system(), System.out, System.err, Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis())));
  }

  static int run(String[] argv, Environment env, PrintStream out, PrintStream err, Clock clock, Sleeper sleeper) {
    SampleConnection.Args args = SampleConnection.parse(argv);
    if (args.unknownOption() != null || args.rest().size() < 2 || args.rest().size() > 3) {
      if (args.unknownOption() != null) {
        err.println("Unknown option " + args.unknownOption() + " (only --replay PATH, first)");
      }
      err.println("Usage: WaitUntilRunning [--replay PATH] <workspaceId> <clusterId> [timeoutSeconds]");
      return GetClusterSummary.MISSING;
    }
    Duration timeout;
    try {
      timeout = args.rest().size() == 3 ? Duration.ofSeconds(Long.parseLong(args.rest().get(2))) : DEFAULT_TIMEOUT;
    } catch (NumberFormatException e) {
      timeout = null;
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      err.println("timeoutSeconds must be a positive whole number of seconds, got \"" + args.rest().get(2) + "\"");
      return GetClusterSummary.MISSING;
    }
    String workspaceId = args.rest().get(0);
    String clusterId = args.rest().get(1);
    try (SampleConnection connection = SampleConnection.open(args.replay(), null, env)) {
      Instant deadline = clock.instant().plus(timeout);
      Duration wait = FIRST_WAIT;
      for (int poll = 1; ; poll++) {
        RayClusterState state = null;
        try {
          RayCluster cluster = connection.client.getRayCluster(workspaceId, clusterId);
          state = cluster.getState();
          out.printf("poll %d: %s%s%n", poll, state == null ? "(no state)" : state.getValue(),
              cluster.getMessage() == null ? "" : " (" + cluster.getMessage() + ")");
          if (state == RayClusterState.RUNNING) {
            out.println("Cluster " + clusterId + " is running.");
            return GetClusterSummary.OK;
          }
          if (state == RayClusterState.ERROR || state == RayClusterState.STOPPING
              || state == RayClusterState.STOPPED) {
            err.println("Cluster " + clusterId + " will not start: it is " + state.getValue()
                + (cluster.getMessage() == null ? "" : ": " + cluster.getMessage()));
            return GetClusterSummary.CALL_FAILED;
          }
        } catch (ThrottlingException | TransportException e) {
          out.printf("poll %d: not answered (%s); trying again%n", poll, e.getMessage());
        }
        Instant now = clock.instant();
        if (!now.plus(wait).isBefore(deadline)) {
          err.println("Cluster " + clusterId + " is not running after " + timeout.toSeconds() + " s"
              + (state == null ? "" : " (last state " + state.getValue() + ")") + "; giving up.");
          return GetClusterSummary.CALL_FAILED;
        }
        sleeper.sleep(wait);
        wait = min(MAX_WAIT, Duration.ofMillis(wait.toMillis() * 3 / 2));
      }
    } catch (SampleConnection.MissingSetup e) {
      err.println(e.getMessage());
      return GetClusterSummary.MISSING;
    } catch (RayClusterException e) {
      err.println("The call failed: " + e.getMessage());
      return GetClusterSummary.CALL_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("Interrupted.");
      return GetClusterSummary.CALL_FAILED;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private WaitUntilRunning() {}
}
