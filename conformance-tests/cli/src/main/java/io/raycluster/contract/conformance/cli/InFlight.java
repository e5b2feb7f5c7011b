package io.raycluster.contract.conformance.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code validate}'s files on a few threads with their memory bounded: a task waits until the
 * bytes it will read fit in a budget shared by all tasks, so that eight 60 MB files on an
 * eight-core machine are not all in memory at once. The caller keeps at most {@link #window()}
 * tasks pending, taking their results in order.
 */
final class InFlight implements AutoCloseable {
  /** Budget units: KiB, so that a budget of many GiB fits a semaphore's int. */
  private static final long UNIT = 1024;

  private final ExecutorService pool;
  private final int threads;
  private final Semaphore budget;
  private final int budgetUnits;

  InFlight(int threads, long budgetBytes) {
    this.threads = Math.max(1, threads);
    this.budgetUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / UNIT));
    this.budget = new Semaphore(budgetUnits);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "validate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** How many tasks the caller may keep pending: enough to keep every thread busy. */
  int window() {
    return threads * 2;
  }

  /** Runs {@code task} once {@code bytes} fit in the budget (a larger task waits for all of it). */
  <T> Future<T> submit(long bytes, Callable<T> task) {
    int units = (int) Math.min(budgetUnits, Math.max(1, (bytes + UNIT - 1) / UNIT));
    return pool.submit(() -> {
      budget.acquireUninterruptibly(units);
      try {
        return task.call();
      } finally {
        budget.release(units);
      }
    });
  }

  /** The result of a task, rethrowing what it threw as unchecked. */
  static <T> T take(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
