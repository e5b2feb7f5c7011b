package io.raycluster.contract.conformance.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code validate}'s files on a few threads with their memory bounded: a file is read once
 * the bytes it will take fit in a budget shared by all threads, so that eight 60 MB files on an
 * eight-core machine are not all in memory at once. Small files go in batches (one task reads
 * several, one after the other), so that threads hand each other work a few times per hundred
 * files, not twice per file. The caller keeps at most {@link #window()} tasks pending, taking their
 * results in order.
 */
final class InFlight implements AutoCloseable {
  /** Budget units: KiB, so that a budget of many GiB fits a semaphore's int. */
  private static final long UNIT = 1024;
  /** A batch of small files holds at most this many bytes (its results are held until written). */
  static final long BATCH_BYTES = 1024 * 1024;
  /** ... and at most this many files. */
  static final int BATCH_FILES = 256;

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

  /**
   * How many files of {@code total} one batch may take: at most {@link #BATCH_FILES}, and few
   * enough that every thread gets several batches.
   */
  int batchFiles(int total) {
    return Math.max(1, Math.min(BATCH_FILES, total / (threads * 8)));
  }

  /** Runs {@code task} on one of the threads. */
  <T> Future<T> submit(Callable<T> task) {
    return pool.submit(task);
  }

  /** Runs {@code work} (on the calling thread) once {@code bytes} fit in the budget (more waits for all of it). */
  <T> T within(long bytes, java.util.function.Supplier<T> work) {
    int units = (int) Math.min(budgetUnits, Math.max(1, (bytes + UNIT - 1) / UNIT));
    budget.acquireUninterruptibly(units);
    try {
      return work.get();
    } finally {
      budget.release(units);
    }
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
