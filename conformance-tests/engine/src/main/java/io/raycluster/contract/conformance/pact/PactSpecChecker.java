package io.raycluster.contract.conformance.pact;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.RequestTarget;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.UnreadableInputException;
import io.raycluster.contract.conformance.ValidationResult;
import io.raycluster.contract.conformance.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;

/**
 * Holds every interaction of a Pact file against the spec with the engine of {@code validate}:
 * the request's method and path must be an operation's of the spec, the response status one the
 * spec declares for it, and the response body (the example the matchers carry) must validate
 * against the schema for that status in strict mode, so a consumer cannot rely on a field the spec does not
 * declare. Reads Pact specification V1 to V4 as plain JSON (Pact's own loader would turn a
 * malformed file into a stack trace, not a pointer); non-HTTP V4 interactions (messages) are
 * skipped and counted.
 *
 * <p>Findings point into the pact file ({@code /interactions/2/response/body/content/state}),
 * so a hand-edited or foreign pact is easy to fix. Nothing throws for bad input: a file that is
 * not JSON or not a pact gives one {@link Verdict#UNREADABLE} outcome saying why. Thread-safe.
 */
public final class PactSpecChecker {
  private final ResponseValidator engine;
  private final ApiSpec spec;

  public PactSpecChecker(ResponseValidator engine) {
    this.engine = engine;
    this.spec = engine.spec();
  }

  /** A checker over the bundled spec. */
  public static PactSpecChecker fromSpec() {
    return new PactSpecChecker(ResponseValidator.fromSpec());
  }

  /** Checks one pact file, reported as {@code displayPath}. */
  public FileOutcome checkFile(Path file, String displayPath) {
    try {
      return check(displayPath, engine.json().readFile(file));
    } catch (UnreadableInputException e) {
      return unreadable(displayPath, e);
    }
  }

  /** Checks the bytes of a pact file. */
  public FileOutcome check(String displayPath, byte[] bytes) {
    JsonNode root;
    try {
      root = engine.json().parse(bytes);
    } catch (UnreadableInputException e) {
      return unreadable(displayPath, e);
    }
    UnreadableInputException notAPact = notAPact(root);
    if (notAPact != null) {
      return unreadable(displayPath, notAPact);
    }
    boolean v4 = specificationVersion(root).startsWith("4");
    JsonNode interactions = root.get("interactions");
    List<Outcome> outcomes = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < interactions.size(); i++) {
      JsonNode interaction = interactions.get(i);
      String at = "/interactions/" + i;
      if (!interaction.isObject()) {
        outcomes.add(unreadableInteraction(displayPath, i, null, at, "expected an interaction object, found "
            + kind(interaction)));
        continue;
      }
      JsonNode type = interaction.get("type");
      if (type != null && type.isTextual() && !type.asText().equals("Synchronous/HTTP")) {
        skipped++;
        continue;
      }
      if (type == null && !interaction.has("request") && interaction.has("contents")) {
        skipped++; // a V3 message pact entry
        continue;
      }
      outcomes.add(checkInteraction(displayPath, i, interaction, v4 || type != null));
    }
    return new FileOutcome(displayPath, outcomes, skipped);
  }

  private Outcome checkInteraction(String path, int i, JsonNode interaction, boolean v4) {
    String at = "/interactions/" + i;
    String description = interaction.path("description").asText("(no description)");
    JsonNode request = interaction.get("request");
    JsonNode response = interaction.get("response");
    if (request == null || !request.isObject()) {
      return unreadableInteraction(path, i, description, at + "/request",
          "expected the request object, found " + kind(request));
    }
    if (response == null || !response.isObject()) {
      return unreadableInteraction(path, i, description, at + "/response",
          "expected the response object, found " + kind(response));
    }
    JsonNode methodNode = request.get("method");
    JsonNode pathNode = request.get("path");
    if (methodNode == null || !methodNode.isTextual()) {
      return unreadableInteraction(path, i, description, at + "/request/method",
          "expected the HTTP method as a string, found " + kind(methodNode));
    }
    if (pathNode == null || !pathNode.isTextual()) {
      return unreadableInteraction(path, i, description, at + "/request/path",
          "expected the request path as a string, found " + kind(pathNode));
    }
    String method = methodNode.asText().toUpperCase(Locale.ROOT);
    String requestPath = pathNode.asText();
    JsonNode statusNode = response.get("status");
    int status = 200; // the Pact specification's default
    if (statusNode != null) {
      if (!statusNode.canConvertToInt() || !statusNode.isIntegralNumber()) {
        return unreadableInteraction(path, i, description, at + "/response/status",
            "expected the HTTP status as an integer, found " + kind(statusNode));
      }
      status = statusNode.asInt();
    }
    String label = "\"" + description + "\"" + states(interaction) + ": " + method + " " + requestPath
        + " -> " + status;

    List<Finding> findings = new ArrayList<>();
    String rawPath = RequestTarget.of(requestPath).rawPath();
    Optional<ApiSpec.Match> match = spec.match(method, rawPath);
    if (match.isEmpty()) {
      List<SpecOperation> samePath = spec.operations().stream()
          .filter(o -> o.pathVariables(rawPath).isPresent()).toList();
      List<SpecOperation> expected = samePath.isEmpty() ? spec.operations() : samePath;
      findings.add(new Finding(at + (samePath.isEmpty() ? "/request/path" : "/request/method"), "operation",
          method + " " + requestPath + " is not an operation of the spec: expected "
              + (expected.size() == 1 ? "" : "one of ")
              + String.join(", ", expected.stream().map(o -> o.method() + " " + o.pathTemplate()
                  + " (" + o.operationId() + ")").toList())));
      return outcome(path, i, label, findings);
    }
    SpecOperation operation = match.get().operation();
    if (operation.responseFor(status).isEmpty()) {
      findings.add(new Finding(at + "/response/status", "status", "HTTP status " + status
          + " is not declared by the spec for " + operation.operationId() + " (it declares "
          + String.join(", ", new java.util.TreeSet<>(operation.responseKeys())) + ")"));
      return outcome(path, i, label, findings);
    }
    JsonNode body = response.get("body");
    if (body == null || body.isNull() || body.isMissingNode()) {
      return outcome(path, i, label, findings); // the consumer relies on no body at all
    }
    String bodyAt = at + "/response/body";
    JsonNode example = body;
    if (v4 && body.isObject() && body.has("content")) {
      bodyAt += "/content";
      String contentType = body.path("contentType").asText("application/json");
      if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
        findings.add(new Finding(at + "/response/body/contentType", "contentType", "expected a JSON "
            + "body (the spec declares application/json), found content type " + contentType));
        return outcome(path, i, label, findings);
      }
      example = body.get("content");
      JsonNode encoded = body.get("encoded");
      boolean isEncoded = encoded != null && (encoded.asBoolean(false)
          || (encoded.isTextual() && !encoded.asText().equalsIgnoreCase("false")));
      if (isEncoded || (example.isTextual() && looksLikeJson(example.asText()))) {
        try {
          byte[] raw = isEncoded && !"json".equalsIgnoreCase(encoded.asText())
              ? Base64.getDecoder().decode(example.asText())
              : example.asText().getBytes(StandardCharsets.UTF_8);
          example = engine.json().parse(raw);
        } catch (IllegalArgumentException e) {
          return unreadableInteraction(path, i, label, bodyAt, "the body is marked encoded but is not valid base64");
        } catch (UnreadableInputException e) {
          return unreadableInteraction(path, i, label, bodyAt + e.pointer(), e.getMessage());
        }
      }
    }
    ValidationResult result = engine.validate(operation, status, example, Mode.STRICT);
    for (Finding f : result.findings()) {
      findings.add(new Finding(bodyAt + f.pointer(), f.keyword(), f.message()));
    }
    return outcome(path, i, label, findings);
  }

  private static boolean looksLikeJson(String text) {
    String t = text.trim();
    return t.startsWith("{") || t.startsWith("[");
  }

  private static Outcome outcome(String path, int i, String label, List<Finding> findings) {
    return new Outcome(path, i, label, findings.isEmpty() ? Verdict.VALID : Verdict.INVALID, findings);
  }

  /** {@code  [given a running cluster]} from V3/V4 providerStates or V1/V2 providerState. */
  private static String states(JsonNode interaction) {
    List<String> names = new ArrayList<>();
    for (JsonNode s : interaction.path("providerStates")) {
      if (s.path("name").isTextual()) {
        names.add(s.get("name").asText());
      }
    }
    if (interaction.path("providerState").isTextual()) {
      names.add(interaction.get("providerState").asText());
    }
    return names.isEmpty() ? "" : " [given " + String.join("; ", names) + "]";
  }

  /** Null for a pact; else what makes the document not one, with the pointer. */
  private static UnreadableInputException notAPact(JsonNode root) {
    String expected = "not a Pact file: expected a JSON object with \"consumer\", \"provider\" and an "
        + "\"interactions\" array";
    if (!root.isObject()) {
      return new UnreadableInputException("pact", "", expected + ", found " + kind(root));
    }
    JsonNode interactions = root.get("interactions");
    if (interactions == null) {
      return new UnreadableInputException("pact", "", root.has("messages")
          ? "a Pact message pact (\"messages\"): it has no HTTP interactions to check"
          : expected + "; this object has no \"interactions\"");
    }
    if (!interactions.isArray()) {
      return new UnreadableInputException("pact", "/interactions",
          "not a Pact file: expected \"interactions\" to be an array, found " + kind(interactions));
    }
    for (String pacticipant : List.of("consumer", "provider")) {
      JsonNode p = root.get(pacticipant);
      if (p == null || !p.isObject() || !p.path("name").isTextual()) {
        return new UnreadableInputException("pact", p == null ? "" : "/" + pacticipant,
            "not a Pact file: expected \"" + pacticipant + "\" to be an object with a \"name\" string, found "
                + kind(p));
      }
    }
    return null;
  }

  /** "4.0", "3.0.0", "2.0.0", or "" when the metadata does not say. */
  static String specificationVersion(JsonNode root) {
    JsonNode meta = root.path("metadata");
    for (String key : List.of("pactSpecification", "pact-specification")) {
      JsonNode v = meta.path(key).path("version");
      if (v.isTextual()) {
        return v.asText();
      }
    }
    JsonNode v = meta.path("pactSpecificationVersion");
    return v.isTextual() ? v.asText() : "";
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "the string \"" + (node.asText().length() > 40 ? node.asText().substring(0, 40) + "..." : node.asText()) + "\"";
    }
    return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }

  private static Outcome unreadableInteraction(String path, int i, String label, String pointer, String message) {
    return new Outcome(path, i, label, Verdict.UNREADABLE, List.of(new Finding(pointer, "pact", message)));
  }

  private static FileOutcome unreadable(String path, UnreadableInputException e) {
    return new FileOutcome(path, List.of(new Outcome(path, null, null, Verdict.UNREADABLE,
        List.of(new Finding(e.pointer() == null ? "" : e.pointer(), e.keyword(), e.getMessage())))), 0);
  }
}
