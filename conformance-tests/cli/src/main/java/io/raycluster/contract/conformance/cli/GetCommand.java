package io.raycluster.contract.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.PrintableText;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RayClusterJson;
import io.raycluster.contract.client.ResponseTooLargeException;
import io.raycluster.contract.client.VendorErrorBody;
import io.raycluster.contract.client.credentials.CredentialsException;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.client.credentials.Environment;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.ClusterSummary;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.ValidationResult;
import io.raycluster.contract.conformance.har.Har;
import io.raycluster.contract.conformance.har.HarEntry;
import io.raycluster.contract.conformance.har.HarRequest;
import io.raycluster.contract.conformance.har.HarResponse;
import io.raycluster.contract.conformance.record.HarFiles;
import io.raycluster.contract.conformance.record.Redactor;
import io.raycluster.contract.conformance.replay.ReplaySession;
import io.raycluster.contract.spec.JsonTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code get}: one GetRayCluster call with the generated client (signed, with the credential
 * chain), its response validated against the spec, optionally recorded as a redacted HAR.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Calls GetRayCluster once and validates the response against the spec.",
      "The target is a region's endpoint (--region, else ALIBABA_CLOUD_REGION_ID, else the "
          + "profile's region_id), an explicit --endpoint, or --replay: an in-process replay "
          + "server over the given recordings, signed with a throwaway key pair (no account needed).",
      "Credentials come from the vendor's chain: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / "
          + "_SECURITY_TOKEN, ~/.aliyun/config.json (profile from --profile, ALIBABA_CLOUD_PROFILE "
          + "or 'current'), ~/.alibabacloud/credentials.",
      "Secrets (submitToken, the dashboard token, signatures, key ids, tokens) are never printed "
          + "or recorded."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the call succeeded and the response is valid",
      "1:a vendor error, a failed call, or a response that fails validation",
      "2:usage error, missing credentials or region, unreadable recordings, --record target exists"
    })
final class GetCommand implements Callable<Integer> {
  /** The operation this command calls: get is GetRayCluster's command. */
  static final String OPERATION_ID = "getRayCluster";

  @ParentCommand ConformanceCli parent;
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--workspace-id", required = true, paramLabel = "ID", description = "Workspace ID, e.g. w-d2d82aa09155.")
  String workspaceId;

  @Option(names = "--cluster-id", required = true, paramLabel = "ID", description = "Ray cluster ID, e.g. ray-k7nm8ahl5te4tg91.")
  String clusterId;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Target target;

  static final class Target {
    @Option(names = "--region", paramLabel = "R", description = "Region whose public endpoint to call, e.g. cn-hangzhou.")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Base URL to call, e.g. http://127.0.0.1:43121.")
    String endpoint;

    @Option(names = "--replay", paramLabel = "PATH", arity = "1..*",
        description = "Serve these recordings (*.json, *.har, directories) in-process and call them.")
    List<Path> replay;
  }

  @Option(names = "--vpc", description = "With a region: call its VPC endpoint.")
  boolean vpc;

  @Option(names = "--profile", paramLabel = "NAME", description = "Use this profile of ~/.aliyun/config.json (or INI section), not the environment's keys.")
  String profile;

  @Option(names = "--strict", description = "Also report every property the spec does not declare.")
  boolean strict;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text: a summary and the findings; json: status, verdict, findings and the (redacted) body. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--max-body-size", paramLabel = "SIZE", defaultValue = "8MiB",
      converter = SizeConverter.class,
      description = "Largest response body read (after decompression); a larger one stops the call "
          + "with exit 1. Units B, KiB, MiB, GiB (default: ${DEFAULT-VALUE}).")
  long maxBodySize;

  @Option(names = "--record", paramLabel = "FILE", description = "Write the exchange, secrets redacted, as a HAR 1.2 file.")
  Path record;

  @Option(names = "--force", description = "With --record: replace FILE if it exists.")
  boolean force;

  enum Format { text, json }

  @Override
  public Integer call() throws IOException {
    PrintStream out = parent.out;
    PrintStream err = parent.err;
    if (workspaceId.isEmpty() || clusterId.isEmpty()) {
      err.println("raycluster-conformance get: --workspace-id and --cluster-id must not be empty.");
      return 2;
    }
    if (target != null && target.endpoint != null && okhttp3.HttpUrl.parse(target.endpoint) == null) {
      err.println("raycluster-conformance get: --endpoint must be an http:// or https:// URL, got \""
          + target.endpoint + "\"");
      return 2;
    }
    boolean live = target == null || target.region != null;
    if (vpc && !live) {
      err.println("raycluster-conformance get: --vpc picks a region's VPC endpoint; it does not go with --endpoint or --replay.");
      return 2;
    }
    if (profile != null && target != null && target.replay != null) {
      err.println("raycluster-conformance get: --profile selects live credentials; --replay signs with a throwaway pair.");
      return 2;
    }
    if (record != null) {
      // Before the call: a recording that cannot be written must not cost a call to learn it.
      try {
        HarFiles.checkTarget(record, force);
      } catch (IOException e) {
        return recordRefused(e, err);
      }
    }
    ResponseValidator engine = ResponseValidator.fromSpec();
    ReplaySession replay = null;
    try {
      RayClusterClient.Builder builder = RayClusterClient.builder();
      if (target != null && target.replay != null) {
        try {
          replay = ReplaySession.builder().engine(engine).recordings(target.replay).start();
        } catch (ReplaySession.LoadException e) {
          e.problems().forEach(p -> err.println("raycluster-conformance get: " + PrintableText.escape(p)));
          return 2;
        }
        replay.loaded().warnings().forEach(w -> err.println("raycluster-conformance get: warning: " + PrintableText.escape(w)));
        builder.endpoint(replay.baseUrl()).credentials(replay.credentials());
      } else {
        Environment env = environment();
        // A named profile is what the user asked for: ambient environment keys must not win.
        CredentialsProvider credentials = profile != null
            ? CredentialsProviders.namedProfile(env) : CredentialsProviders.defaultChain(env);
        try {
          credentials.resolveCredentials();
        } catch (CredentialsException e) {
          err.println("raycluster-conformance get: no usable credentials. " + e.getMessage());
          return 2;
        }
        builder.credentials(credentials).environment(env);
        if (target != null && target.endpoint != null) {
          builder.endpoint(target.endpoint);
        } else if (target != null && target.region != null) {
          builder.region(target.region);
        }
        if (vpc) {
          builder.vpcEndpoint();
        }
      }
      AtomicReference<Request> sent = new AtomicReference<>();
      builder.addNetworkInterceptor(chain -> {
        sent.set(chain.request());
        return chain.proceed(chain.request());
      });
      builder.maxResponseBytes(maxBodySize);
      RayClusterClient client;
      try {
        client = builder.build();
      } catch (IllegalStateException | IllegalArgumentException e) {
        err.println("raycluster-conformance get: " + e.getMessage());
        return 2;
      }
      try (client) {
        return callAndReport(client, engine, sent, out, err);
      }
    } finally {
      if (replay != null) {
        replay.close();
      }
    }
  }

  private int callAndReport(RayClusterClient client, ResponseValidator engine,
      AtomicReference<Request> sent, PrintStream out, PrintStream err) throws IOException {
    Request request = client.getRayClusterRequest(workspaceId, clusterId);
    Instant started = Instant.now();
    int status;
    byte[] body;
    List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
    long elapsed;
    try (Response response = client.httpClient().newCall(request).execute()) {
      status = response.code();
      ResponseBody rb = response.body();
      body = rb == null ? new byte[0] : rb.bytes();
      response.headers().forEach(h -> responseHeaders.add(Map.entry(h.getFirst(), h.getSecond())));
      elapsed = response.receivedResponseAtMillis() - response.sentRequestAtMillis();
    } catch (ResponseTooLargeException e) {
      err.println("raycluster-conformance get: the response of " + client.endpoint()
          + " is larger than " + e.limit() + " bytes: not read further (raise --max-body-size to read it)");
      return 1;
    } catch (java.net.UnknownHostException e) {
      err.println("raycluster-conformance get: the call to " + client.endpoint()
          + " failed: unknown host " + e.getMessage() + " (no DNS answer: check the region and the network)");
      return 1;
    } catch (IOException e) {
      err.println("raycluster-conformance get: the call to " + client.endpoint() + " failed: "
          + PrintableText.escape(client.redaction().maskText(e.getMessage() == null ? e.getClass().getSimpleName()
              : e.getClass().getSimpleName() + ": " + e.getMessage(), "***")));
      return 1;
    }

    Mode mode = strict ? Mode.STRICT : Mode.LENIENT;
    ValidationResult result = engine.validate(engine.spec().requireOperation(OPERATION_ID), status, body, mode);
    ObjectMapper mapper = RayClusterJson.newMapper();
    // The spec's secrets and the credential values this call was signed with (a server may echo
    // the token or the key id in any text): masked in everything printed or recorded.
    Redaction secrets = client.redaction();
    Request wireRequest = sent.get();
    String signature = wireRequest == null ? null : signatureOf(wireRequest.header("Authorization"));
    if (signature != null) {
      // The signature of this call too: a server that echoes the Authorization header must not
      // get it printed or recorded (the help promises signatures never are).
      secrets = secrets.withSecretValues(List.of(signature));
    }
    Redactor redactor = new Redactor(mapper, secrets);
    boolean success = status >= 200 && status < 300;

    if (format == Format.json) {
      printJson(out, mapper, redactor, status, body, result, mode);
    } else {
      printText(out, mapper, redactor, status, body, result, mode, responseHeaders, secrets);
    }

    if (record != null) {
      Request wire = sent.get() != null ? sent.get() : request;
      List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
      wire.headers().forEach(h -> requestHeaders.add(Map.entry(h.getFirst(), h.getSecond())));
      String mime = responseHeaders.stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
          .map(Map.Entry::getValue).findFirst().orElse("application/json");
      HarEntry entry = HarEntry.of(started.toString(), Math.max(0, elapsed),
          HarRequest.of(wire.method(), redactor.url(wire.url().toString()), redactor.headers(requestHeaders)),
          HarResponse.of(status, "", redactor.headers(responseHeaders), mime,
              new String(redactor.body(body), StandardCharsets.UTF_8))
              .withRedirectURL(responseHeaders.stream().filter(h -> h.getKey().equalsIgnoreCase("Location"))
                  .map(h -> redactor.url(h.getValue())).findFirst().orElse("")));
      try {
        HarFiles.write(Har.of("raycluster-conformance get", version(), List.of(entry)),
            record, force);
        err.println("Recorded the exchange (secrets redacted) to " + record);
      } catch (IOException e) {
        return recordRefused(e, err);
      }
    }
    return success && result.isValid() ? 0 : 1;
  }

  /** The Signature part of the Authorization header this call sent; null when there is none. */
  private static String signatureOf(String authorization) {
    if (authorization == null) {
      return null;
    }
    try {
      return AcsAuthorization.parse(authorization).signature();
    } catch (IllegalArgumentException notAcs3) {
      return null;
    }
  }

  private int recordRefused(IOException e, PrintStream err) {
    if (e instanceof FileAlreadyExistsException) {
      err.println("raycluster-conformance get: " + record + " exists; pass --force to replace it.");
    } else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      err.println("raycluster-conformance get: cannot write the recording " + record + ": " + fse.getReason());
    } else {
      err.println("raycluster-conformance get: cannot write the recording " + record + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
    return 2;
  }

  private void printText(PrintStream out, ObjectMapper mapper, Redactor redactor, int status,
      byte[] body, ValidationResult result, Mode mode, List<Map.Entry<String, String>> headers,
      Redaction secrets) {
    JsonNode tree = parse(mapper, body);
    if (status >= 300 && status < 400) {
      // A signed call is never sent on to another place: the redirect itself is the answer.
      String location = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Location"))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      out.println("HTTP " + status + ": a redirect" + (location == null ? " without a Location"
          : " to " + PrintableText.escape(redactor.url(location)))
          + "; not followed (a signed call never goes elsewhere)");
    } else if (status >= 200 && status < 300) {
      if (tree != null && tree.isObject()) {
        try {
          ClusterSummary.print(mapper.treeToValue(tree, RayCluster.class), out, secrets);
        } catch (IOException | IllegalArgumentException e) {
          out.println("HTTP " + status + ": the body does not decode as a Ray cluster (see the findings below)");
        }
      } else {
        out.println("HTTP " + status + ": the body is " + (body.length == 0 ? "empty"
            : tree == null ? "not valid JSON" : "JSON but not an object") + " (see the findings below)");
      }
    } else if (VendorErrorBody.of(tree).isPresent()) {
      String headerRequestId = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("x-acs-request-id"))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      // The server's Code and Message, escaped: they must not forge a line such as
      // "Ray cluster prod in state Running".
      out.println("Vendor error: " + PrintableText.escape(redactor.url(
          VendorErrorBody.of(tree).get().withRequestIdFallback(headerRequestId).describe(status))));
    } else {
      out.println("HTTP " + status + " with " + (body.length == 0 ? "an empty body"
          : "a body that is not the vendor's JSON error") + " (see the findings below)");
    }
    String verdict = result.verdict().label();
    out.println("Response (HTTP " + status + ") is " + verdict + " against the spec ("
        + mode.name().toLowerCase(java.util.Locale.ROOT) + ")"
        + (result.findings().isEmpty() ? "" : ":"));
    for (Finding f : result.findings()) {
      out.println("  " + PrintableText.escape(secrets.maskText(f.toString(), "***")));
    }
  }

  private void printJson(PrintStream out, ObjectMapper mapper, Redactor redactor, int status,
      byte[] body, ValidationResult result, Mode mode) throws IOException {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("status", status);
    doc.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    doc.put("verdict", result.verdict().label());
    ArrayNode errors = doc.putArray("errors");
    for (Finding f : result.findings()) {
      errors.addObject().put("pointer", f.pointer()).put("keyword", f.keyword())
          .put("message", redactor.url(f.message()));
    }
    JsonNode redacted = parse(mapper, redactor.body(body));
    if (redacted != null) {
      doc.set("body", redacted);
    } else {
      doc.put("body", new String(redactor.body(body), StandardCharsets.UTF_8));
    }
    out.println(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
  }

  /** The body as a tree, numbers as sent ({@code 1e400} stays a number); null when not JSON. */
  private static JsonNode parse(ObjectMapper mapper, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(body)) {
      JsonNode tree = JsonTrees.read(p);
      return tree.isMissingNode() || p.nextToken() != null ? null : tree;
    } catch (IOException e) {
      return null;
    }
  }

  private Environment environment() {
    if (profile == null) {
      return Environment.system();
    }
    // HOME as the vendor's CLI reads it (Environment.system()), with the profile asked for.
    return Environment.system().with("ALIBABA_CLOUD_PROFILE", profile);
  }

  private static String version() {
    String v = GetCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

}
