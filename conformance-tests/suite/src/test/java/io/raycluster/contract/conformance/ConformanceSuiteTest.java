package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.raycluster.contract.spec.SpecResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite: one dynamic test per case file under {@code conformance/cases}, each
 * run in lenient and in strict mode. The case files are first checked against
 * {@code conformance/case.schema.json}. Adding a case means adding a JSON file, not Java.
 */
class ConformanceSuiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseValidator ENGINE = ResponseValidator.fromSpec();
  /** The same engine without the fast path: every case must give identical findings. */
  private static final ResponseValidator FULL = ResponseValidator.builder().fastPath(false).build();

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicNode> conformanceCases() throws Exception {
    Path root = resource("conformance");
    Schema caseSchema;
    try (InputStream in = Files.newInputStream(root.resolve("case.schema.json"))) {
      caseSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(JSON.readTree(in));
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(root.resolve("cases"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("case files match case.schema.json", () -> {
      assertTrue(files.size() >= 20, "expected the suite's case files, found " + files.size());
      List<String> problems = new ArrayList<>();
      for (Path f : files) {
        caseSchema.validate(JSON.readTree(f.toFile()))
            .forEach(e -> problems.add(f.getFileName() + ": " + e.getMessage()));
      }
      assertEquals(List.of(), problems);
    }));
    for (Path file : files) {
      JsonNode c = JSON.readTree(file.toFile());
      String name = file.getFileName().toString().replace(".json", "") + ": " + c.path("description").asText();
      tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> run(file, c, caseSchema)));
    }
    return tests.stream();
  }

  private void run(Path file, JsonNode c, Schema caseSchema) throws Exception {
    assertEquals(List.of(), caseSchema.validate(c).stream().map(Object::toString).toList(),
        "the case file does not match case.schema.json");
    boolean har = c.path("input").asText("json").equals("har");
    int status = c.path("status").asInt(200);
    Path body = temp.resolve(file.getFileName().toString().replace(".json", har ? ".har" : ".json"));
    writeBody(c, body);

    ResponseValidator engine = c.has("maxFileSize")
        ? ResponseValidator.builder().limits(Limits.defaults().withMaxBytes(c.get("maxFileSize").asLong())).build()
        : ENGINE;
    JsonNode strictExpect = c.has("strict") ? c.get("strict") : c.get("expect");
    check("lenient", engine, Mode.LENIENT, body, har, status, c.get("expect"));
    check("strict", engine, Mode.STRICT, body, har, status, strictExpect);
    if (engine == ENGINE) {
      check("lenient, fast path off", FULL, Mode.LENIENT, body, har, status, c.get("expect"));
      check("strict, fast path off", FULL, Mode.STRICT, body, har, status, strictExpect);
    }
  }

  private static void check(String modeName, ResponseValidator engine, Mode mode, Path body, boolean har,
      int status, JsonNode expect) throws IOException {
    RecordingValidator recordings = new RecordingValidator(engine, mode);
    List<Outcome> outcomes;
    int skipped = 0;
    if (har || status == 200) {
      FileOutcome f = recordings.validateFile(body, body.getFileName().toString());
      outcomes = f.outcomes();
      skipped = f.skipped();
    } else {
      ValidationResult r = engine.validate(status, Files.readAllBytes(body), mode);
      outcomes = List.of(new Outcome(body.toString(), null, null, r.verdict(), r.findings()));
    }
    if (!har && !expect.has("entries")) {
      // the engine's own entry point for bytes (streaming fast path first) must agree
      ValidationResult direct = engine.validate(status, Files.readAllBytes(body), mode);
      checkResult(modeName + ", engine.validate(bytes)", expect,
          new Outcome(body.toString(), null, null, direct.verdict(), direct.findings()));
    }
    if (expect.has("entries")) {
      assertEquals(expect.get("skipped").asInt(), skipped, modeName + ": skipped entries");
      JsonNode entries = expect.get("entries");
      assertEquals(entries.size(), outcomes.size(), modeName + ": validated entries " + outcomes);
      for (int i = 0; i < entries.size(); i++) {
        JsonNode e = entries.get(i);
        Outcome o = outcomes.get(i);
        if (e.has("entry")) {
          assertEquals(e.get("entry").isNull() ? null : e.get("entry").asInt(), o.entry(), modeName + ": entry index");
        }
        checkResult(modeName + " entry " + o.entry(), e, o);
      }
    } else {
      assertEquals(1, outcomes.size(), modeName + ": one result " + outcomes);
      checkResult(modeName, expect, outcomes.get(0));
    }
  }

  private static void checkResult(String what, JsonNode expect, Outcome o) {
    String findings = String.join("\n  ", o.findings().stream().map(f -> f + " [" + f.keyword() + "]").toList());
    assertEquals(expect.get("verdict").asText(), o.verdict().label(), what + ": verdict; findings:\n  " + findings);
    List<String> want = new ArrayList<>();
    expect.get("pointers").forEach(p -> want.add(p.asText()));
    List<String> got = new ArrayList<>(o.findings().stream().map(Finding::pointer).toList());
    want.sort(null);
    got.sort(null);
    assertEquals(want, got, what + ": finding pointers; findings:\n  " + findings);
    if (expect.has("keywords")) {
      List<String> kw = new ArrayList<>();
      expect.get("keywords").forEach(k -> kw.add(k.asText()));
      List<String> gotKw = o.findings().stream().map(Finding::keyword).sorted().toList();
      assertEquals(kw.stream().sorted().toList(), gotKw, what + ": keywords");
    }
    for (JsonNode m : expect.path("messages")) {
      if (o.findings().stream().noneMatch(f -> f.toString().contains(m.asText()))) {
        fail(what + ": no finding says '" + m.asText() + "'; findings:\n  " + findings);
      }
    }
    if (o.verdict() != Verdict.VALID) {
      assertTrue(!o.findings().isEmpty(), what + ": a non-valid result must say why");
    }
  }

  private void writeBody(JsonNode c, Path target) throws IOException {
    if (c.has("bodyText")) {
      Files.writeString(target, c.get("bodyText").asText(), StandardCharsets.UTF_8);
      return;
    }
    if (c.has("bodyBase64")) {
      Files.write(target, Base64.getDecoder().decode(c.get("bodyBase64").asText()));
      return;
    }
    if (c.has("generate")) {
      generate(c.get("generate"), target);
      return;
    }
    JsonNode body = c.has("body") ? c.get("body").deepCopy() : bodyFile(c.get("bodyFile").asText());
    for (JsonNode op : c.path("patch")) {
      body = apply(body, op);
    }
    Files.write(target, JSON.writeValueAsBytes(body));
  }

  /** Large bodies, written in a stream so the test itself stays small. */
  private static void generate(JsonNode g, Path target) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      switch (g.get("kind").asText()) {
        case "nesting" -> {
          int depth = g.get("depth").asInt();
          String property = g.path("property").asText("extraParam");
          out.write(("{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"" + property + "\":")
              .getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < depth; i++) {
            out.write(i % 2 == 0 ? '[' : '{');
            if (i % 2 == 1) {
              out.write("\"a\":".getBytes(StandardCharsets.US_ASCII));
            }
          }
          for (int i = depth - 1; i >= 0; i--) {
            out.write(i % 2 == 0 ? ']' : '}');
          }
          out.write('}');
        }
        case "long-string" -> {
          long n = g.get("megabytes").asLong() * 1_000_000L;
          out.write("{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"description\":\"".getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.US_ASCII);
          for (long written = 0; written < n; written += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, n - written));
          }
          out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        default -> throw new IllegalArgumentException(g.toString());
      }
    }
  }

  /**
   * {@code @spec/<status>}: the bundled spec's own example of that response of its default
   * operation (the reference page's example for 200), read through the spec's reader.
   */
  private static JsonNode bodyFile(String name) {
    String status = name.substring("@spec/".length());
    SpecResponse response = ENGINE.requireDefaultOperation().responses().get(status);
    assertTrue(response != null && response.example() != null && response.example().isObject(),
        "the spec has an example for the " + status + " response of " + ENGINE.requireDefaultOperation().operationId());
    return response.example();
  }

  /** JSON Patch (RFC 6902) add, replace and remove; enough for the case files. */
  private static JsonNode apply(JsonNode body, JsonNode op) {
    String path = op.get("path").asText();
    if (path.isEmpty()) {
      return op.get("value").deepCopy();
    }
    int cut = path.lastIndexOf('/');
    JsonNode parent = body.at(path.substring(0, cut));
    String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    String kind = op.get("op").asText();
    if (parent instanceof ObjectNode o) {
      if (kind.equals("remove")) {
        o.remove(last);
      } else {
        o.set(last, op.get("value").deepCopy());
      }
    } else if (parent instanceof ArrayNode a) {
      if (kind.equals("remove")) {
        a.remove(Integer.parseInt(last));
      } else if (kind.equals("replace")) {
        a.set(Integer.parseInt(last), op.get("value").deepCopy());
      } else if (last.equals("-")) {
        a.add(op.get("value").deepCopy());
      } else {
        a.insert(Integer.parseInt(last), op.get("value").deepCopy());
      }
    } else {
      throw new IllegalArgumentException("patch path " + path + " has no parent in the body");
    }
    return body;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ConformanceSuiteTest.class.getClassLoader().getResource(name).toURI());
  }
}
