package io.raycluster.contract.conformance.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** "validated 1234/10000" on standard error, rewritten in place; only on a terminal. */
final class Progress implements AutoCloseable {
  private final PrintStream err;
  private final Thread thread;

  private Progress(PrintStream err, Thread thread) {
    this.err = err;
    this.thread = thread;
  }

  static Progress start(PrintStream err, boolean enabled, int total, AtomicInteger done) {
    if (!enabled) {
      return new Progress(err, null);
    }
    err.print("\rvalidated 0/" + total + " files");
    err.flush();
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(200);
          err.print("\rvalidated " + done.get() + "/" + total + " files");
          err.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "progress");
    t.setDaemon(true);
    t.start();
    return new Progress(err, t);
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      err.print("\r\033[K");
      err.flush();
    }
  }
}
