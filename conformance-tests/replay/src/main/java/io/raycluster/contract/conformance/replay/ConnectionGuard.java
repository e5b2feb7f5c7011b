package io.raycluster.contract.conformance.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Closes the connections that hold the server without using it. Jetty parses requests without
 * blocking a thread, and its idle timeout closes a connection on which nothing moves; what it
 * has no limit for is a client that keeps something moving too slowly to matter (one header
 * byte a second, a body trickled, a response never read). This guard adds the deadlines:
 *
 * <ul>
 *   <li>a new connection must deliver a whole request head (request line and headers) within
 *       {@code headerTimeout} of opening;
 *   <li>on a kept-alive connection, once bytes of the next request arrive, its head must be
 *       complete within {@code headerTimeout} (an idle kept-alive connection is left to the idle
 *       timeout);
 *   <li>a request being handled (its body read, its answer written) must be done within
 *       {@code requestTimeout}.
 * </ul>
 *
 * One daemon thread checks every connection four times a second; closing is Jetty's
 * {@code EndPoint.close()}, safe from any thread.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
  private static final long PERIOD_MS = 250;

  private final long headerTimeoutNanos;
  private final long requestTimeoutNanos;
  private final Map<Connection, State> connections = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper;

  ConnectionGuard(java.time.Duration headerTimeout, java.time.Duration requestTimeout) {
    this.headerTimeoutNanos = headerTimeout.toNanos();
    this.requestTimeoutNanos = requestTimeout.toNanos();
    this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "replay-connection-guard");
      t.setDaemon(true);
      return t;
    });
    reaper.scheduleWithFixedDelay(this::sweep, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** What one connection is doing, as far as the deadlines care. */
  static final class State {
    final Connection connection;
    /** When the connection became ready for a request: opened, or its last answer was sent. */
    volatile long readySince;
    /** {@link Connection#getBytesIn()} at {@link #readySince}: more means the next request has begun. */
    volatile long bytesAtReady;
    /** When the sweep first saw bytes of the next request on a kept-alive connection; 0: none yet. */
    volatile long partialSince;
    /** When the request being handled began; 0: none is. */
    volatile long busySince;
    /** Whether a request has been answered on this connection. */
    volatile boolean used;

    State(Connection connection, long now) {
      this.connection = connection;
      this.readySince = now;
    }
  }

  @Override
  public void onOpened(Connection connection) {
    connections.put(connection, new State(connection, System.nanoTime()));
  }

  @Override
  public void onClosed(Connection connection) {
    connections.remove(connection);
  }

  /** A request's head has arrived on {@code connection}; its handling begins. */
  void requestBegins(Connection connection) {
    State s = connections.get(connection);
    if (s != null) {
      s.busySince = System.nanoTime();
    }
  }

  /** The request's answer has been sent (or abandoned); the connection waits for the next. */
  void requestEnds(Connection connection) {
    State s = connections.get(connection);
    if (s != null) {
      s.bytesAtReady = connection.getBytesIn();
      s.partialSince = 0;
      s.used = true;
      s.readySince = System.nanoTime();
      s.busySince = 0;
    }
  }

  int openConnections() {
    return connections.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (State s : connections.values()) {
      try {
        if (overdue(s, now)) {
          s.connection.getEndPoint().close();
        }
      } catch (RuntimeException e) {
        // One connection's trouble must not stop the sweeps for the others.
      }
    }
  }

  private boolean overdue(State s, long now) {
    long busy = s.busySince;
    if (busy != 0) {
      return now - busy > requestTimeoutNanos;
    }
    if (!s.used) {
      return now - s.readySince > headerTimeoutNanos;
    }
    if (s.connection.getBytesIn() != s.bytesAtReady) {
      long partial = s.partialSince;
      if (partial == 0) {
        s.partialSince = now;
        return false;
      }
      return now - partial > headerTimeoutNanos;
    }
    return false;
  }

  @Override
  public void close() {
    reaper.shutdownNow();
  }
}
