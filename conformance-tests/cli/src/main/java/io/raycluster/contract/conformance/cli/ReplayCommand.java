package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.client.PrintableText;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.replay.ReplayCredentials;
import io.raycluster.contract.conformance.replay.ReplaySession;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code replay}: serves recordings at the spec's operations (routing by method and path),
 * checking each request's signature as the vendor's gateway does, until the process is stopped
 * (SIGINT or SIGTERM). The server itself is the replay library's ({@link ReplaySession}).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serves recorded responses at the spec's operations (the bundled GetRayCluster spec, or --spec), "
          + "routing each request by method and path and checking its ACS3-HMAC-SHA256 signature "
          + "(body included), date and nonce like the vendor's gateway.",
      "Each HAR entry of an operation answers for its own method, path and query with its status, "
          + "headers and body (several entries for one call are served in order, the last repeating). "
          + "A .json recording (a 200 body of the --operation, default the spec's only GET with a JSON "
          + "response) answers for the path values it carries, e.g. its clusterId in any workspace.",
      "The first line on standard output is the base URL; one line per request is logged on "
          + "standard error. Stops cleanly, with exit code 0, on Ctrl-C (SIGINT) or SIGTERM."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally (SIGINT, SIGTERM)",
      "2:usage error, unreadable recordings or credentials file, a --spec that cannot be used, port not available"
    })
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand ConformanceCli parent;

  @Mixin SpecOption specOption;

  @Option(names = "--operation", paramLabel = "ID",
      description = "The operationId a bare JSON body answers (default: the spec's only GET operation "
          + "with a JSON 200 response).")
  String operation;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only). 0.0.0.0 or :: listens on "
          + "every interface, which it says on standard error; the URL printed is then the loopback one.")
  String host;

  @Option(names = "--port", defaultValue = "0", paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "JSON object mapping each accepted AccessKey id to its secret, e.g. "
          + "{\"my-key-id\": \"my-secret\"} (a regular file; keep it private: a file every user can read gets "
          + "a warning). Without it, a throwaway pair is made and printed on standard error.")
  Path credentials;

  @Parameters(paramLabel = "RECORDING", arity = "1..*",
      description = "Recordings: *.json bodies, *.har files, or directories of them.")
  List<Path> recordings;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream err = parent.err;
    ApiSpec apiSpec = specOption.load();
    ResponseValidator engine = ResponseValidator.forSpec(apiSpec);
    ReplaySession.Builder builder = ReplaySession.builder().engine(engine).recordings(recordings)
        .host(host).port(port).log(err::println);
    if (operation != null) {
      builder.bodyOperation(SpecOption.operation(apiSpec, operation));
    }
    if (credentials != null) {
      try {
        ReplayCredentials.Loaded loaded = ReplayCredentials.read(credentials);
        loaded.warnings().forEach(w -> err.println("raycluster-conformance replay: warning: " + PrintableText.escape(w)));
        builder.credentials(loaded.pairs());
      } catch (ReplayCredentials.Problem e) {
        err.println("raycluster-conformance replay: " + PrintableText.escape(e.getMessage()));
        return 2;
      }
    }
    ReplaySession session;
    try {
      session = builder.start();
    } catch (ReplaySession.LoadException e) {
      e.problems().forEach(p -> err.println("raycluster-conformance replay: " + PrintableText.escape(p)));
      return 2;
    } catch (IllegalStateException e) {
      err.println("raycluster-conformance replay: " + PrintableText.escape(e.getMessage()));
      return 2;
    } catch (IOException e) {
      err.println("raycluster-conformance replay: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 2;
    }
    session.loaded().warnings().forEach(w -> err.println("raycluster-conformance replay: warning: " + PrintableText.escape(w)));
    if (session.loaded().exchanges() + session.loaded().bodies() == 0) {
      session.close();
      err.println("raycluster-conformance replay: the recordings hold no response of the spec's operations "
          + apiSpec.operations().stream().map(SpecOperation::operationId).toList() + " to serve");
      return 2;
    }
    // SIGINT and SIGTERM start the JVM's shutdown, whose exit status is the signal's (130, 143)
    // whatever main returns. Being stopped is this command's normal end, so the hook stops the
    // server, says so, and ends the process with 0 itself; nothing else registers a hook here.
    Thread hook = new Thread(() -> {
      session.close();
      err.println("Replay server stopped.");
      err.flush();
      parent.out.flush();
      Runtime.getRuntime().halt(0);
    }, "replay-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    parent.out.println(session.baseUrl());
    parent.out.flush();
    err.printf("Serving %d HAR exchange(s) and %d JSON bod%s from %d file(s) at %s%n",
        session.loaded().exchanges(), session.loaded().bodies(), session.loaded().bodies() == 1 ? "y" : "ies",
        session.loaded().files(), session.baseUrl());
    if (session.server().listensOnEveryInterface()) {
      err.printf("Listening on every interface (--host %s), port %d: other machines can reach this server; "
          + "from this one use %s%n", host, session.server().port(), session.baseUrl());
    }
    if (session.throwawayKey()) {
      Map.Entry<String, String> pair = session.accessKeys().entrySet().iterator().next();
      // A throwaway pair that exists only while this process runs: printing it is the point.
      err.printf("No --credentials: accepting requests signed with the throwaway pair%n"
          + "  ALIBABA_CLOUD_ACCESS_KEY_ID=%s%n  ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s%n",
          pair.getKey(), pair.getValue());
    } else {
      err.printf("Accepting requests signed with %d key pair(s) from %s%n", session.accessKeys().size(), credentials);
    }
    err.flush();
    new CountDownLatch(1).await(); // until the process is stopped; the hook ends it
    return 0;
  }
}
