package io.raycluster.contract.conformance.replay.soak;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay server's benchmark driver (see {@code bench/run.sh}; never in {@code mvn verify}):
 * CLIENTS threads, each on one kept-alive connection, send signed GETs as fast as answers come
 * for SECONDS (after a warm-up), each answer read whole and checked (status 200, the expected
 * length). Prints one line: {@code load: CLIENTS calls/s p50-ms p99-ms answered failed}.
 * Plain JDK sockets, so that the client costs little next to the server on the same machine.
 *
 * <p>{@code java -cp conformance-tests/replay/target/test-classes ...soak.Load URL PATH KEY SECRET
 * CLIENTS SECONDS WARMUP_SECONDS}
 */
public final class Load {
  private Load() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: Load URL PATH KEY SECRET CLIENTS SECONDS WARMUP_SECONDS");
      System.exit(2);
    }
    URI base = URI.create(args[0]);
    String path = args[1];
    SignedGets signer = new SignedGets(base.getHost() + ":" + base.getPort(), args[2], args[3],
        "GetRayCluster", "2023-08-08");
    int clients = Integer.parseInt(args[4]);
    long measureNanos = Long.parseLong(args[5]) * 1_000_000_000L;
    long warmupNanos = Long.parseLong(args[6]) * 1_000_000_000L;

    long start = System.nanoTime();
    long measureFrom = start + warmupNanos;
    long end = measureFrom + measureNanos;
    long[][] latencies = new long[clients][];
    AtomicInteger failed = new AtomicInteger();
    AtomicLong firstProblem = new AtomicLong();
    String[] problem = new String[1];
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        long[] mine = new long[1 << 16];
        int n = 0;
        try (Socket s = new Socket()) {
          s.setTcpNoDelay(true);
          s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
          s.setSoTimeout(10_000);
          OutputStream out = s.getOutputStream();
          InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
          for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            out.write(signer.raw(path).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int status = readResponse(in);
            long took = System.nanoTime() - now;
            if (status != 200) {
              failed.incrementAndGet();
              if (firstProblem.compareAndSet(0, 1)) {
                problem[0] = "HTTP " + status;
              }
            } else if (now >= measureFrom) {
              if (n == mine.length) {
                mine = Arrays.copyOf(mine, n * 2);
              }
              mine[n++] = took;
            }
          }
        } catch (IOException | RuntimeException e) {
          failed.incrementAndGet();
          if (firstProblem.compareAndSet(0, 1)) {
            problem[0] = e.toString();
          }
        } finally {
          latencies[client] = Arrays.copyOf(mine, n);
          done.countDown();
        }
      }, "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = measureNanos / 1e9;
    System.out.printf(Locale.ROOT, "load: %d %.0f %.2f %.2f %d %d%s%n", clients, all.length / seconds,
        pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, all.length, failed.get(),
        problem[0] == null ? "" : " (first problem: " + problem[0] + ")");
  }

  /** Reads one response (status line, headers, a Content-Length body); returns the status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new IOException("the server closed the connection");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        length = Long.parseLong(h.substring(colon + 1).trim());
      }
    }
    if (length < 0) {
      throw new IOException("no Content-Length (the driver reads only sized bodies)");
    }
    in.skipNBytes(length);
    return status;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
