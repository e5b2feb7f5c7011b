package io.raycluster.contract.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real browser for tests: Debian's headless Chromium, started with a fresh profile and no
 * network of its own, driven over the DevTools protocol (a WebSocket on the loopback interface,
 * with the JDK's own client). {@link #open} loads a page and returns what a person sees (the
 * body's rendered text, which leaves out what styles hide), every script error and console error,
 * and every request the page made.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** What a loaded page shows and did. */
  record Loaded(String title, String text, List<String> errors, List<String> requests) {}

  private final Process process;
  private final Path profile;
  private volatile WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /** The browser on the PATH ({@code chromium}, {@code chromium-browser}, {@code google-chrome}), if any. */
  static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path exe = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(exe) && !Files.isDirectory(exe)) {
          return Optional.of(exe);
        }
      }
    }
    return Optional.empty();
  }

  static HeadlessChromium start(Path exe) throws Exception {
    Path profile = Files.createTempDirectory("raycluster-chromium-");
    Process process = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!(Files.isRegularFile(portFile) && Files.readAllLines(portFile).size() >= 2)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("Chromium did not open its DevTools port (exit "
              + (process.isAlive() ? "none" : process.exitValue()) + "): "
              + Files.readString(profile.resolve("chromium.log")));
        }
        Thread.sleep(100);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
      HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(WAIT).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      String page = null;
      for (JsonNode t : targets) {
        if ("page".equals(t.path("type").asText())) {
          page = t.get("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (page == null) {
        throw new IllegalStateException("Chromium has no page to drive: " + targets);
      }
      HeadlessChromium self = new HeadlessChromium(process, profile);
      self.socket = http.newWebSocketBuilder().connectTimeout(WAIT)
          .buildAsync(URI.create(page), new Listener(self::received)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        self.call(domain + ".enable", JSON.createObjectNode());
      }
      return self;
    } catch (Exception | Error e) {
      process.destroyForcibly();
      delete(profile);
      throw e;
    }
  }

  /** Loads {@code url}, waits for its load event, and reads what it shows. */
  Loaded open(URI url) throws Exception {
    events.clear();
    ObjectNode navigate = JSON.createObjectNode().put("url", url.toString());
    call("Page.navigate", navigate);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (events.stream().noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the page did not load: " + url);
      }
      Thread.sleep(20);
    }
    String title = evaluate("document.title");
    String text = evaluate("document.body.innerText");
    List<String> errors = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    for (JsonNode e : events) {
      JsonNode p = e.path("params");
      switch (e.path("method").asText()) {
        case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          if ("error".equals(p.path("type").asText()) || "warning".equals(p.path("type").asText())) {
            errors.add("console " + p.path("type").asText() + ": " + p.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          if (!"verbose".equals(p.path("entry").path("level").asText())) {
            errors.add("log " + p.path("entry").path("level").asText() + ": " + p.path("entry").path("text").asText());
          }
        }
        case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
        default -> { }
      }
    }
    return new Loaded(title, text, errors, requests);
  }

  private String evaluate(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value").asText();
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    JsonNode r = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + ": " + r.get("error"));
    }
    return r.path("result");
  }

  private void received(String message) {
    try {
      JsonNode m = JSON.readTree(message);
      if (m.has("id")) {
        CompletableFuture<JsonNode> reply = replies.remove(m.get("id").asInt());
        if (reply != null) {
          reply.complete(m);
        }
      } else {
        events.add(m);
      }
    } catch (IOException e) {
      events.add(JSON.createObjectNode().put("method", "unreadable").put("text", message));
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes away below either way
    }
    // Chromium's helpers (zygote, renderers, crash handler) are its children and may still write
    // into the profile after the main process is gone: list them first, then stop them all.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
    }
    for (ProcessHandle helper : helpers) {
      try {
        helper.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        helper.destroyForcibly();
      }
    }
    delete(profile);
  }

  /** Deletes the profile; a file that appears while walking it (a late write) gets another pass. */
  private static void delete(Path dir) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Whole text messages from the socket, joined from their parts. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<String> sink;
    private final StringBuilder parts = new StringBuilder();

    Listener(java.util.function.Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        String message = parts.toString();
        parts.setLength(0);
        sink.accept(message);
      }
      webSocket.request(1);
      return null;
    }
  }
}
