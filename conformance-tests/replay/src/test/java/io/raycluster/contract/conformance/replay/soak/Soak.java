package io.raycluster.contract.conformance.replay.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay server's soak run, outside {@code mvn verify} (see {@code soak/run.sh}). Against a
 * running server it holds slow sockets (most trickle a request head one byte a second; the others
 * pipeline signed requests for a large answer and never read; each is replaced when the server
 * closes it), then:
 *
 * <ol>
 *   <li>with only the slow sockets, probes the server with a fresh connection every 200 ms (a
 *       client that just arrived must be answered at once);
 *   <li>runs well-behaved clients at full speed, each making signed calls on its kept-alive
 *       connection, checking every answer byte for byte, with the probes going on.
 * </ol>
 *
 * It prints counts and latencies and exits 0 only when every well-behaved call got the recorded
 * body and, in phase 1, every probe was answered with p99 under {@code --fresh-p99-ms}.
 *
 * <p>Only the JDK: it signs ACS3-HMAC-SHA256 itself (a second, independent signer), so it runs
 * with {@code java -cp conformance-tests/replay/target/test-classes}, against any replay server.
 */
public final class Soak {

  private final Map<String, String> opts;
  private final URI base;
  private final String key;
  private final String secret;
  private final String path;
  private final byte[] expected;
  /** What the non-readers ask for: best a large recording, so that unread answers fill the buffers. */
  private final String noReadPath;
  private final SignedGets signer;
  private static final int BURST = 4;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong slowOpen = new AtomicLong();
  private final AtomicLong slowReconnects = new AtomicLong();

  private Soak(Map<String, String> opts) throws IOException {
    this.opts = opts;
    this.base = URI.create(required("url"));
    this.key = required("key");
    this.secret = required("secret");
    this.path = opts.getOrDefault("path", "/api/v1/workspaces/w-soak/rayCluster/ray-k7nm8ahl5te4tg91");
    this.noReadPath = opts.getOrDefault("no-read-path", path);
    this.signer = new SignedGets(base.getHost() + ":" + base.getPort(), key, secret,
        opts.getOrDefault("action", "GetRayCluster"), opts.getOrDefault("version", "2023-08-08"));
    // Without --expect-body only the status is checked (for servers that do not replay bytes verbatim).
    this.expected = opts.containsKey("expect-body") ? Files.readAllBytes(Path.of(opts.get("expect-body"))) : null;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        usage("unexpected argument " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      usage("every option takes a value");
    }
    System.exit(new Soak(opts).run());
  }

  private static void usage(String why) {
    System.err.println("soak: " + why + "\nusage: Soak --url URL --key ID --secret SECRET [--expect-body FILE] "
        + "[--path PATH] [--no-read-path PATH] [--slow 1000] [--no-read-share 0.25] [--clients 64] "
        + "[--calls 1000] [--probe-s 20] [--timeout-s 10] [--max-s 600] [--fresh-p99-ms 1000] [--pid SERVER_PID]");
    System.exit(2);
  }

  private String required(String name) {
    String v = opts.get(name);
    if (v == null) {
      usage("--" + name + " is required");
    }
    return v;
  }

  private int intOpt(String name, int def) {
    return Integer.parseInt(opts.getOrDefault(name, Integer.toString(def)));
  }

  private int run() throws Exception {
    int slow = intOpt("slow", 1000);
    int noRead = (int) Math.round(slow * Double.parseDouble(opts.getOrDefault("no-read-share", "0.25")));
    int clients = intOpt("clients", 64);
    int calls = intOpt("calls", 1000);
    Duration timeout = Duration.ofSeconds(intOpt("timeout-s", 10));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOpt("max-s", 600));
    int freshP99Limit = intOpt("fresh-p99-ms", 1000);
    long started = System.nanoTime();

    System.out.printf(Locale.ROOT, "soak: %s, %d slow sockets (%d trickling a request head at 1 byte/s, %d "
        + "pipelining %d signed requests for %s and never reading), then %d clients x %d signed calls%n",
        base, slow, slow - noRead, noRead, BURST, noReadPath, clients, calls);

    daemon("soak-slow-sockets", () -> holdSlowSockets(slow - noRead, noRead)).start();
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (slowOpen.get() < slow && System.nanoTime() < waitUntil) {
      Thread.sleep(50);
    }
    System.out.printf(Locale.ROOT, "soak: %d slow sockets open after %d ms%n", slowOpen.get(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

    // Phase 1: only the slow sockets; a client that just arrived must still be answered at once.
    Probes quiet = new Probes(timeout);
    quiet.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(intOpt("probe-s", 20)));
    quiet.stop();
    System.out.printf(Locale.ROOT, "soak: phase 1, slow sockets only: fresh-connection probes %s%n", quiet);

    // Phase 2: the slow sockets and the well-behaved clients at full speed.
    Probes loaded = new Probes(timeout);
    loaded.start();
    long[] latencies = new long[clients * calls];
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger wrong = new AtomicInteger();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(clients);
    long loadStarted = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      daemon("soak-client-" + c, () -> {
        try {
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(timeout).build();
          for (int i = 0; i < calls && System.nanoTime() < deadline; i++) {
            long t = System.nanoTime();
            try {
              HttpResponse<byte[]> r = http.send(signed(timeout), HttpResponse.BodyHandlers.ofByteArray());
              latencies[client * calls + i] = System.nanoTime() - t;
              if (r.statusCode() == 200 && (expected == null || Arrays.equals(r.body(), expected))) {
                ok.incrementAndGet();
              } else {
                wrong.incrementAndGet();
                note(problems, "HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
              }
            } catch (IOException e) {
              latencies[client * calls + i] = System.nanoTime() - t;
              wrong.incrementAndGet();
              note(problems, e.toString());
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    long loadMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
    loaded.stop();
    stop.set(true);

    long[] answered = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    int expectedCalls = clients * calls;
    System.out.printf(Locale.ROOT, "soak: phase 2, well-behaved: %d/%d answered with the recorded body, %d wrong or "
        + "failed, in %.1f s (%.0f calls/s)%n", ok.get(), expectedCalls, wrong.get(), loadMs / 1000.0,
        ok.get() * 1000.0 / Math.max(1, loadMs));
    System.out.printf(Locale.ROOT, "soak: phase 2, well-behaved latency ms: p50 %s, p90 %s, p99 %s, max %s%n",
        ms(answered, 0.50), ms(answered, 0.90), ms(answered, 0.99), ms(answered, 1.0));
    System.out.printf(Locale.ROOT, "soak: phase 2, fresh-connection probes %s%n", loaded);
    System.out.printf(Locale.ROOT, "soak: slow sockets: %d open at the end, %d replaced after the server closed them%n",
        slowOpen.get(), slowReconnects.get());
    String pid = opts.get("pid");
    if (pid != null) {
      System.out.println("soak: server memory: " + serverMemory(pid));
    }
    System.out.printf(Locale.ROOT, "soak: wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
    problems.stream().limit(5).forEach(p -> System.out.println("soak: problem: " + p));

    boolean pass = ok.get() == expectedCalls && quiet.failed.get() == 0 && quiet.answered.size() > 0
        && quiet.p99() <= TimeUnit.MILLISECONDS.toNanos(freshP99Limit);
    System.out.println(pass ? "soak: PASS" : "soak: FAIL (every call must get the recorded body, and with only "
        + "the slow sockets every fresh probe must be answered, p99 <= " + freshP99Limit + " ms)");
    return pass ? 0 : 1;
  }

  /** A client that just arrived, every 200 ms: a new connection, one signed call, checked. */
  private final class Probes {
    final Duration timeout;
    final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicBoolean done = new AtomicBoolean();
    Thread thread;

    Probes(Duration timeout) {
      this.timeout = timeout;
    }

    void start() {
      thread = daemon("soak-fresh-probe", () -> {
        while (!done.get()) {
          long t = System.nanoTime();
          try {
            if (freshCall(timeout)) {
              answered.add(System.nanoTime() - t);
            } else {
              failed.incrementAndGet();
            }
          } catch (IOException e) {
            failed.incrementAndGet();
          }
          sleep(200);
        }
      });
      thread.start();
    }

    void stop() throws InterruptedException {
      done.set(true);
      thread.join(timeout.toMillis() + 1000);
    }

    long p99() {
      return percentile(sorted(), 0.99);
    }

    long[] sorted() {
      return answered.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public String toString() {
      long[] a = sorted();
      return String.format(Locale.ROOT, "%d answered, %d failed or timed out (%d s); ms p50 %s, p99 %s, max %s",
          a.length, failed.get(), timeout.toSeconds(), ms(a, 0.50), ms(a, 0.99), ms(a, 1.0));
    }
  }

  /**
   * Holds the slow sockets, all from one thread with non-blocking channels, in rounds of a
   * second: a trickler sends the next byte of a request head it never finishes; a non-reader
   * sends a few pipelined signed requests once, then only a blank line a round (to notice when the
   * server has closed it: the write then fails), and never reads an answer. A socket the server
   * closed is replaced by a new one.
   */
  private void holdSlowSockets(int tricklers, int nonReaders) {
    int n = tricklers + nonReaders;
    java.nio.channels.SocketChannel[] channels = new java.nio.channels.SocketChannel[n];
    java.nio.ByteBuffer[] pending = new java.nio.ByteBuffer[n];
    byte[] head = ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nX-Slow: ")
        .getBytes(StandardCharsets.US_ASCII);
    int[] sent = new int[n];
    java.nio.ByteBuffer probe = java.nio.ByteBuffer.allocate(512);
    while (!stop.get()) {
      long round = System.nanoTime();
      for (int i = 0; i < n && !stop.get(); i++) {
        boolean trickler = i < tricklers;
        try {
          if (channels[i] == null) {
            channels[i] = open();
            sent[i] = 0;
            pending[i] = trickler ? null : java.nio.ByteBuffer.wrap(pipelinedBurst());
          }
          java.nio.channels.SocketChannel ch = channels[i];
          if (trickler) {
            byte b = sent[i] < head.length ? head[sent[i]] : (byte) 'a';
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {b}));
            sent[i]++;
            probe.clear();
            if (ch.read(probe) < 0) {
              throw new IOException("closed by the server");
            }
          } else if (pending[i].hasRemaining()) {
            ch.write(pending[i]);
          } else {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\r', '\n'}));
          }
        } catch (IOException e) {
          if (channels[i] != null) {
            closeSlow(channels[i]);
            slowReconnects.incrementAndGet();
          }
          channels[i] = null;
        }
      }
      sleep(Math.max(0, 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - round)));
    }
    for (java.nio.channels.SocketChannel ch : channels) {
      if (ch != null) {
        closeSlow(ch);
      }
    }
  }

  private java.nio.channels.SocketChannel open() throws IOException {
    java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open();
    // Small, so that answers nobody reads back up into the server quickly.
    ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4096);
    ch.socket().connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
    ch.configureBlocking(false);
    slowOpen.incrementAndGet();
    return ch;
  }

  private void closeSlow(java.nio.channels.SocketChannel ch) {
    if (ch.isOpen()) {
      slowOpen.decrementAndGet();
    }
    try {
      ch.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  private byte[] pipelinedBurst() {
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < BURST; i++) {
      burst.append(rawSignedGet(noReadPath));
    }
    return burst.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A signed call on a new connection, read to its end; true when it is a 200 with the recorded body. */
  private boolean freshCall(Duration timeout) throws IOException {
    try (java.net.Socket s = new java.net.Socket()) {
      int ms = (int) timeout.toMillis();
      long until = System.nanoTime() + timeout.toNanos();
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()), ms);
      s.setSoTimeout(ms);
      String request = rawSignedGet(path).replace("\r\n\r\n", "\r\nconnection: close\r\n\r\n");
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      for (int n; (n = s.getInputStream().read(buf)) > 0; ) {
        in.write(buf, 0, n);
        if (System.nanoTime() > until) {
          return false;
        }
      }
      byte[] all = in.toByteArray();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int bodyAt = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.1 200 ") || bodyAt < 0) {
        return false;
      }
      return expected == null || Arrays.equals(Arrays.copyOfRange(all, bodyAt + 4, all.length), expected);
    }
  }

  private HttpRequest signed(Duration timeout) {
    Map<String, String> h = acsHeaders(path);
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
    h.forEach((k, v) -> {
      if (!k.equals("host")) {
        b.header(k, v);
      }
    });
    return b.build();
  }

  private String rawSignedGet(String path) {
    return signer.raw(path);
  }

  private Map<String, String> acsHeaders(String path) {
    return signer.headers(path);
  }

  /** The server's peak and current resident memory and threads, from /proc (Linux); "n/a" elsewhere. */
  private static String serverMemory(String pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", pid, "status"));
      StringBuilder out = new StringBuilder();
      for (String line : lines) {
        if (line.startsWith("VmHWM") || line.startsWith("VmRSS") || line.startsWith("Threads")) {
          out.append(out.length() == 0 ? "" : ", ").append(line.replaceAll("\\s+", " "));
        }
      }
      return out.append(" (VmHWM is the peak resident set)").toString();
    } catch (IOException | RuntimeException e) {
      return "n/a (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static void note(ConcurrentLinkedQueue<String> problems, String p) {
    if (problems.size() < 20) {
      problems.add(p.length() > 300 ? p.substring(0, 300) + "..." : p);
    }
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Long.MAX_VALUE;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static String ms(long[] sorted, double p) {
    return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f", percentile(sorted, p) / 1e6);
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
