package io.raycluster.contract.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one reader of the OpenAPI document. Every tool that needs to know something about the
 * contract at run time (the conformance engine, the replay server, diff-doc, the tests) asks
 * this class; none of them walks the YAML itself. The client learns the same facts at build time
 * from code generated out of the same file.
 *
 * <pre>{@code
 * ApiSpec spec = ApiSpec.bundled();                 // the spec jar's document
 * SpecOperation op = spec.requireOperation("getRayCluster");
 * op.action();                                      // GetRayCluster
 * spec.match("GET", "/api/v1/workspaces/w-1/rayCluster/ray-2");   // the operation and its ids
 * }</pre>
 *
 * <p>Another OpenAPI 3.0 document can be read with {@link #read(Path)} (the command-line tool's
 * {@code --spec FILE}); a document this project cannot use gives a {@link SpecException} naming
 * the file and the JSON pointer of the problem. Only local {@code $ref}s ({@code #/...}) are
 * followed. Instances are immutable and thread-safe.
 */
public final class ApiSpec {
  /** The largest document {@link #read(Path)} accepts. */
  public static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final int MAX_REF_HOPS = 32;
  /**
   * The most properties a schema may flatten to. A schema that reaches the same schema through
   * several $refs at many levels doubles at each level; past this it is refused, not expanded.
   */
  public static final int MAX_FLATTENED_PROPERTIES = 20_000;
  private static volatile ApiSpec bundled;

  private final String source;
  private final String text;
  private final JsonNode document;
  private final List<SpecOperation> operations;
  private final List<String> regions;
  private final Sensitivity sensitivity;
  private final ErrorCodes errorCodes;
  private final boolean responseEnumsAreOpen;
  private final List<Server> servers;
  private final Map<String, List<SchemaProperty>> flattened = new java.util.concurrent.ConcurrentHashMap<>();

  private ApiSpec(String source, String text, JsonNode document) {
    this.source = source;
    this.text = text;
    this.document = document;
    requireOpenApi30();
    this.operations = List.copyOf(readOperations());
    this.regions = List.copyOf(readRegions());
    this.servers = List.copyOf(readServers());
    this.sensitivity = readSensitivity();
    this.errorCodes = readErrorCodes();
    JsonNode compat = document.path("x-compatibility").path("responseEnumsAreOpen");
    if (!compat.isMissingNode() && !compat.isBoolean()) {
      throw new SpecException(source, "/x-compatibility/responseEnumsAreOpen", "expected true or false");
    }
    this.responseEnumsAreOpen = compat.asBoolean(false);
  }

  /** The document in the spec jar ({@link RayClusterSpec}), read once. */
  public static ApiSpec bundled() {
    ApiSpec s = bundled;
    if (s == null) {
      s = parse(RayClusterSpec.text(), RayClusterSpec.RESOURCE);
      bundled = s;
    }
    return s;
  }

  /**
   * Reads an OpenAPI 3.0 document (YAML or JSON, UTF-8) from a file.
   *
   * @throws SpecException naming the file when it cannot be read or used
   */
  public static ApiSpec read(Path file) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        throw new SpecException(name, "", Files.exists(file)
            ? "not a regular file" : "no such file");
      }
      long size = Files.size(file);
      if (size > MAX_DOCUMENT_BYTES) {
        throw new SpecException(name, "", "the file is " + size + " bytes; an OpenAPI document "
            + "is read up to " + MAX_DOCUMENT_BYTES + " bytes");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
      }
      if (bytes.length > MAX_DOCUMENT_BYTES) {
        throw new SpecException(name, "", "the file grew past " + MAX_DOCUMENT_BYTES + " bytes while being read");
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new SpecException(name, "", "not UTF-8 text");
      }
      return parse(text, name);
    } catch (IOException e) {
      throw new SpecException(name, "", "cannot read it: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an OpenAPI 3.0 document given as text (YAML, or JSON when it starts with {@code {}).
   *
   * @param source names the document in messages
   * @throws SpecException when the text is not an OpenAPI 3.0 document this project can use
   */
  public static ApiSpec parse(String text, String source) {
    String trimmed = text.stripLeading();
    // A streaming parser and JsonTrees, not an ObjectMapper: data binding is hundreds of classes
    // the command-line tool would load at every start for nothing.
    JsonFactory factory = trimmed.startsWith("{")
        ? JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
        : YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    JsonNode root;
    try (JsonParser p = factory.createParser(text)) {
      root = JsonTrees.read(p);
      if (p.nextToken() != null) {
        throw new SpecException(source, "", "more than one document in the file; an OpenAPI document is one");
      }
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? j.getOriginalMessage() + (j.getLocation() == null ? ""
              : " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")")
          : e.getMessage();
      throw new SpecException(source, "", "not valid YAML or JSON: " + why, e);
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new SpecException(source, "", "expected an OpenAPI document (an object with \"openapi\", "
          + "\"info\" and \"paths\"), found " + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    return new ApiSpec(source, text, root);
  }

  /** The file or classpath resource the document came from, as messages name it. */
  public String source() {
    return source;
  }

  /** The document's text, as read. */
  public String text() {
    return text;
  }

  /** The document as a tree (a copy: changing it changes nothing here). */
  public JsonNode document() {
    return document.deepCopy();
  }

  /** The node at a JSON pointer of the document (a copy), after following {@code $ref}s. */
  public JsonNode schema(String pointer) {
    return resolve(document.at(pointer), pointer).deepCopy();
  }

  /** {@code info.title}. */
  public String title() {
    return document.path("info").path("title").asText("");
  }

  /** {@code info.version}: the API version the document describes. */
  public String apiVersion() {
    return document.path("info").path("version").asText("");
  }

  /** Every operation, in the document's order (paths, then methods in the OpenAPI order). */
  public List<SpecOperation> operations() {
    return operations;
  }

  public Optional<SpecOperation> operation(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
  }

  /**
   * The operation with this id.
   *
   * @throws SpecException listing the operations the document has, when there is none
   */
  public SpecOperation requireOperation(String operationId) {
    return operation(operationId).orElseThrow(() -> new SpecException(source, "/paths",
        "no operation has the operationId \"" + operationId + "\"; the document has "
            + operations.stream().map(SpecOperation::operationId).toList()));
  }

  /** An operation a request was recognised as, with its path variables (decoded). */
  public record Match(SpecOperation operation, Map<String, String> pathVariables) {}

  /**
   * The operation a request is a call of, by method and raw path. When several path templates
   * match (a literal segment and a variable in the same place), the one with more literal
   * segments wins, as routers do.
   */
  public Optional<Match> match(String method, String rawPath) {
    Match best = null;
    int bestLiterals = -1;
    for (SpecOperation op : operations) {
      if (method == null || !op.method().equals(method.trim().toUpperCase(Locale.ROOT))) {
        continue;
      }
      Optional<Map<String, String>> vars = op.pathVariables(rawPath);
      if (vars.isPresent()) {
        int literals = op.pathTemplate().split("/", -1).length - vars.get().size();
        if (literals > bestLiterals) {
          best = new Match(op, vars.get());
          bestLiterals = literals;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The operation a bare JSON body answers when nothing says which: the only {@code GET}
   * operation with a JSON {@code 200} response, when there is exactly one.
   */
  public Optional<SpecOperation> soleJsonGetOperation() {
    List<SpecOperation> gets = operations.stream()
        .filter(o -> o.method().equals("GET") && o.hasJsonSuccessBody()).toList();
    return gets.size() == 1 ? Optional.of(gets.get(0)) : Optional.empty();
  }

  /** The regions the servers list ({@code regionId} server variable), in the document's order. */
  public List<String> regions() {
    return regions;
  }

  /** What the document marks as secret. */
  public Sensitivity sensitivity() {
    return sensitivity;
  }

  /** The error codes the document classifies. */
  public ErrorCodes errorCodes() {
    return errorCodes;
  }

  /**
   * Whether the document declares response enums open ({@code x-compatibility:
   * responseEnumsAreOpen}): a new value in a response enum is then compatible.
   */
  public boolean responseEnumsAreOpen() {
    return responseEnumsAreOpen;
  }

  /**
   * The properties of the schema at {@code schemaPointer}, flattened in document order: each
   * object property, and inside objects and arrays of objects their properties, at locations such
   * as {@code /instances/*}{@code /type}. {@code allOf} parts are merged; a schema that contains
   * itself is listed once.
   */
  public List<SchemaProperty> properties(String schemaPointer) {
    return flattened.computeIfAbsent(schemaPointer, pointer -> {
      List<SchemaProperty> out = new ArrayList<>();
      Resolved root = resolveWithPointer(document.at(pointer), pointer);
      walk(root, List.of(), out, Collections.newSetFromMap(new IdentityHashMap<>()), pointer);
      return List.copyOf(out);
    });
  }

  /** A server of the document: its URL template and whether it is the VPC endpoint ({@code x-vpc}). */
  public record Server(String url, boolean vpc) {}

  /** The servers, in the document's order. */
  public List<Server> servers() {
    return servers;
  }

  // ----- reading -----

  private void requireOpenApi30() {
    JsonNode version = document.get("openapi");
    if (version == null || !version.isTextual()) {
      throw new SpecException(source, "/openapi", document.has("swagger")
          ? "a Swagger 2.0 document; an OpenAPI 3.0 document (\"openapi\": \"3.0.x\") is needed"
          : "not an OpenAPI document: expected \"openapi\": \"3.0.x\"");
    }
    if (!version.asText().startsWith("3.0")) {
      throw new SpecException(source, "/openapi", "OpenAPI " + version.asText()
          + " is not supported: responses are validated with the OpenAPI 3.0 dialect (\"openapi\": \"3.0.x\")");
    }
    JsonNode paths = document.get("paths");
    if (paths == null || !paths.isObject()) {
      throw new SpecException(source, "/paths", "expected the \"paths\" object");
    }
  }

  private List<SpecOperation> readOperations() {
    List<SpecOperation> ops = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      String pathPointer = "/paths/" + escape(path.getKey());
      if (!path.getKey().startsWith("/")) {
        throw new SpecException(source, pathPointer, "a path must start with '/'");
      }
      checkTemplate(path.getKey(), pathPointer);
      Resolved item = resolveWithPointer(path.getValue(), pathPointer);
      if (!item.node().isObject()) {
        throw new SpecException(source, item.pointer(), "expected a path item object");
      }
      for (String method : METHODS) {
        JsonNode op = item.node().get(method);
        if (op == null) {
          continue;
        }
        String at = item.pointer() + "/" + method;
        if (!op.isObject()) {
          throw new SpecException(source, at, "expected an operation object");
        }
        String id = op.hasNonNull("operationId") ? op.get("operationId").asText()
            : method + " " + path.getKey();
        if (!ids.add(id)) {
          throw new SpecException(source, at + "/operationId", "operationId \"" + id + "\" is used twice");
        }
        ops.add(new SpecOperation(id, method.toUpperCase(Locale.ROOT), path.getKey(), at,
            text(op, "x-acs-action"), text(op, "x-acs-version"), text(op, "x-acs-product"),
            text(op, "x-acs-style"), readParameters(item, op, at), requestBodySchema(op, at),
            requestBodyRequired(op, at), readResponses(op, at)));
      }
    }
    return ops;
  }

  private List<SpecParameter> readParameters(Resolved pathItem, JsonNode op, String at) {
    Map<String, SpecParameter> byKey = new LinkedHashMap<>();
    for (Resolved list : List.of(
        new Resolved(pathItem.node().path("parameters"), pathItem.pointer() + "/parameters"),
        new Resolved(op.path("parameters"), at + "/parameters"))) {
      JsonNode params = list.node();
      for (int i = 0; i < params.size(); i++) {
        Resolved p = resolveWithPointer(params.get(i), list.pointer() + "/" + i);
        String name = p.node().path("name").asText(null);
        String in = p.node().path("in").asText(null);
        if (name == null || in == null) {
          throw new SpecException(source, p.pointer(), "a parameter needs a \"name\" and an \"in\"");
        }
        String schemaPointer = p.node().has("schema") ? p.pointer() + "/schema" : null;
        String type = "any";
        if (schemaPointer != null) {
          Resolved schema = resolveWithPointer(p.node().get("schema"), schemaPointer);
          schemaPointer = schema.pointer();
          type = typeOf(schema.node());
        }
        boolean sensitive = p.node().path("x-sensitive").asBoolean(false);
        byKey.put(in + " " + name, new SpecParameter(name, in,
            "path".equals(in) || p.node().path("required").asBoolean(false), type, schemaPointer, sensitive));
      }
    }
    return List.copyOf(byKey.values());
  }

  private String requestBodySchema(JsonNode op, String at) {
    if (!op.has("requestBody")) {
      return null;
    }
    Resolved body = resolveWithPointer(op.get("requestBody"), at + "/requestBody");
    return jsonSchemaPointer(body);
  }

  private boolean requestBodyRequired(JsonNode op, String at) {
    return op.has("requestBody")
        && resolveWithPointer(op.get("requestBody"), at + "/requestBody").node().path("required").asBoolean(false);
  }

  /** Path variables must be whole segments ({@code /a/{id}/b}): that is what requests are matched by. */
  private void checkTemplate(String path, String at) {
    for (String segment : path.split("/", -1)) {
      boolean braces = segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0;
      if (braces && !segment.matches("\\{[A-Za-z0-9_.-]+}")) {
        throw new SpecException(source, at, "the path segment '" + segment + "' is not supported: a path "
            + "variable must be a whole segment, such as {clusterId}");
      }
    }
  }

  private Map<String, SpecResponse> readResponses(JsonNode op, String at) {
    Map<String, SpecResponse> out = new LinkedHashMap<>();
    JsonNode responses = op.path("responses");
    if (!responses.isObject() || responses.isEmpty()) {
      throw new SpecException(source, at + "/responses", "an operation needs its \"responses\" (at least one)");
    }
    for (Map.Entry<String, JsonNode> r : responses.properties()) {
      Resolved response = resolveWithPointer(r.getValue(), at + "/responses/" + escape(r.getKey()));
      String key = r.getKey().toUpperCase(Locale.ROOT);
      out.put(key, new SpecResponse(key, jsonSchemaPointer(response), example(response)));
    }
    return out;
  }

  /** The JSON media type of a response or request body: application/json first, then any *json. */
  private static Map.Entry<String, JsonNode> jsonMedia(JsonNode holder) {
    JsonNode content = holder.path("content");
    if (content.has("application/json")) {
      return Map.entry("application/json", content.get("application/json"));
    }
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      if (media.getKey().toLowerCase(Locale.ROOT).contains("json")) {
        return media;
      }
    }
    return null;
  }

  private String jsonSchemaPointer(Resolved holder) {
    Map.Entry<String, JsonNode> media = jsonMedia(holder.node());
    if (media == null || !media.getValue().has("schema")) {
      return null;
    }
    String at = holder.pointer() + "/content/" + escape(media.getKey()) + "/schema";
    return resolveWithPointer(media.getValue().get("schema"), at).pointer();
  }

  private static JsonNode example(Resolved holder) {
    Map.Entry<String, JsonNode> media = jsonMedia(holder.node());
    if (media == null) {
      return null;
    }
    JsonNode m = media.getValue();
    if (m.has("example")) {
      return m.get("example");
    }
    for (JsonNode e : m.path("examples")) {
      if (e.has("value")) {
        return e.get("value");
      }
    }
    return null;
  }

  private List<Server> readServers() {
    List<Server> out = new ArrayList<>();
    JsonNode list = document.path("servers");
    for (int i = 0; i < list.size(); i++) {
      JsonNode server = list.get(i);
      if (!server.path("url").isTextual()) {
        throw new SpecException(source, "/servers/" + i, "expected a server object with a \"url\"");
      }
      out.add(new Server(server.get("url").asText(), server.path("x-vpc").asBoolean(false)));
    }
    return out;
  }

  private List<String> readRegions() {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode server : document.path("servers")) {
      for (JsonNode r : server.path("variables").path("regionId").path("enum")) {
        out.add(r.asText());
      }
    }
    return new ArrayList<>(out);
  }

  private Sensitivity readSensitivity() {
    Set<String> properties = new LinkedHashSet<>();
    Set<String> queryParameters = new LinkedHashSet<>();
    Set<String> headers = new LinkedHashSet<>();
    Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, JsonNode> s : document.path("components").path("schemas").properties()) {
      collectSensitive(new Resolved(s.getValue(), "/components/schemas/" + escape(s.getKey())),
          properties, queryParameters, seen);
    }
    for (SpecOperation op : operations) {
      for (SpecParameter p : op.parameters()) {
        if (p.sensitive()) {
          switch (p.in()) {
            case "query" -> queryParameters.add(p.name());
            case "header" -> headers.add(p.name().toLowerCase(Locale.ROOT));
            default -> properties.add(p.name());
          }
        }
      }
      List<String> bodies = new ArrayList<>();
      op.parameters().stream().map(SpecParameter::schemaPointer).filter(java.util.Objects::nonNull).forEach(bodies::add);
      if (op.requestBodySchemaPointer() != null) {
        bodies.add(op.requestBodySchemaPointer());
      }
      op.responses().values().stream().filter(SpecResponse::hasJsonBody)
          .forEach(r -> bodies.add(r.schemaPointer()));
      for (String pointer : bodies) {
        collectSensitive(new Resolved(document.at(pointer), pointer), properties, queryParameters, seen);
      }
    }
    for (Map.Entry<String, JsonNode> scheme : document.path("components").path("securitySchemes").properties()) {
      String at = "/components/securitySchemes/" + escape(scheme.getKey()) + "/x-sensitive-headers";
      JsonNode list = scheme.getValue().get("x-sensitive-headers");
      if (list != null) {
        headers.addAll(stringList(list, at).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
      }
    }
    return new Sensitivity(properties, queryParameters, headers);
  }

  /**
   * Walks a schema and every schema below it: checks that each is what a validator can compile
   * (an object, with properties, items and parts of the right kind), and collects the secret
   * marks. A schema reached twice is walked once.
   */
  private void collectSensitive(Resolved schema, Set<String> properties, Set<String> queryParameters,
      Set<JsonNode> seen) {
    Resolved s = resolveWithPointer(schema.node(), schema.pointer());
    if (!s.node().isObject()) {
      if (s.node().isBoolean()) {
        return; // additionalProperties: true / false
      }
      throw new SpecException(source, s.pointer(), "expected a schema (an object), found "
          + s.node().getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    if (!seen.add(s.node())) {
      return;
    }
    expect(s, "properties", JsonNode::isObject, "an object of property schemas");
    expect(s, "items", JsonNode::isObject, "a schema (an object)");
    expect(s, "required", n -> n.isArray() && java.util.stream.StreamSupport.stream(n.spliterator(), false)
        .allMatch(JsonNode::isTextual), "a list of property names");
    expect(s, "enum", JsonNode::isArray, "a list of values");
    expect(s, "type", JsonNode::isTextual, "a type name");
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      expect(s, key, JsonNode::isArray, "a list of schemas");
    }
    for (Map.Entry<String, JsonNode> p : s.node().path("properties").properties()) {
      String at = s.pointer() + "/properties/" + escape(p.getKey());
      Mark mark = mark(p.getValue(), at);
      if (mark.whole()) {
        properties.add(p.getKey());
      }
      queryParameters.addAll(mark.queryParameters());
      collectSensitive(new Resolved(p.getValue(), at), properties, queryParameters, seen);
    }
    for (String key : List.of("items", "additionalProperties", "not")) {
      JsonNode child = s.node().get(key);
      if (child != null && child.isObject()) {
        collectSensitive(new Resolved(child, s.pointer() + "/" + key), properties, queryParameters, seen);
      }
    }
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode parts = s.node().path(key);
      for (int i = 0; i < parts.size(); i++) {
        collectSensitive(new Resolved(parts.get(i), s.pointer() + "/" + key + "/" + i),
            properties, queryParameters, seen);
      }
    }
  }

  private void expect(Resolved schema, String key, java.util.function.Predicate<JsonNode> ok, String what) {
    JsonNode v = schema.node().get(key);
    if (v != null && !ok.test(v)) {
      throw new SpecException(source, schema.pointer() + "/" + key, "expected " + what);
    }
  }

  /** A property's {@code x-sensitive} mark (on the property, or on the schema its $ref names). */
  private record Mark(boolean whole, List<String> queryParameters) {}

  private Mark mark(JsonNode property, String at) {
    JsonNode mark = property.get("x-sensitive");
    if (mark == null && property.has("$ref")) {
      mark = resolve(property, at).get("x-sensitive");
    }
    if (mark == null) {
      return new Mark(false, List.of());
    }
    if (mark.isBoolean()) {
      return new Mark(mark.booleanValue(), List.of());
    }
    if (mark.isObject() && mark.has("queryParameters") && mark.size() == 1) {
      return new Mark(false, stringList(mark.get("queryParameters"), at + "/x-sensitive/queryParameters"));
    }
    throw new SpecException(source, at + "/x-sensitive", "expected true, false or {queryParameters: [names]}");
  }

  private ErrorCodes readErrorCodes() {
    JsonNode codes = document.path("x-error-codes");
    if (!codes.isMissingNode() && !codes.isObject()) {
      throw new SpecException(source, "/x-error-codes",
          "expected an object with the lists throttling, authentication and notFound");
    }
    for (Map.Entry<String, JsonNode> e : codes.properties()) {
      if (!List.of("throttling", "authentication", "notFound").contains(e.getKey())) {
        throw new SpecException(source, "/x-error-codes/" + escape(e.getKey()),
            "unknown class; the classes are throttling, authentication and notFound");
      }
    }
    return new ErrorCodes(
        codes.has("throttling") ? stringList(codes.get("throttling"), "/x-error-codes/throttling") : List.of(),
        codes.has("authentication") ? stringList(codes.get("authentication"), "/x-error-codes/authentication") : List.of(),
        codes.has("notFound") ? stringList(codes.get("notFound"), "/x-error-codes/notFound") : List.of());
  }

  private List<String> stringList(JsonNode node, String at) {
    if (!node.isArray()) {
      throw new SpecException(source, at, "expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual() || node.get(i).asText().isEmpty()) {
        throw new SpecException(source, at + "/" + i, "expected a non-empty string");
      }
      out.add(node.get(i).asText());
    }
    return out;
  }

  // ----- schemas -----

  private void walk(Resolved schema, List<String> scope, List<SchemaProperty> out, Set<JsonNode> visiting,
      String root) {
    if (!visiting.add(schema.node())) {
      return; // a recursive schema: its properties are listed above
    }
    if (out.size() > MAX_FLATTENED_PROPERTIES) {
      throw new SpecException(source, root, "the schema flattens to more than " + MAX_FLATTENED_PROPERTIES
          + " properties (the same schemas reached through $refs at many levels); give it fewer levels");
    }
    Set<String> required = new LinkedHashSet<>();
    for (Map.Entry<String, Prop> p : properties(schema, required).entrySet()) {
      List<String> path = new ArrayList<>(scope);
      path.add(p.getKey());
      Resolved property = p.getValue().resolved();
      JsonNode node = property.node();
      String type = typeOf(node);
      String items = null;
      String itemsFormat = null;
      Resolved itemSchema = null;
      if ("array".equals(type) && node.has("items")) {
        itemSchema = resolveWithPointer(node.get("items"), property.pointer() + "/items");
        items = typeOf(itemSchema.node());
        itemsFormat = itemSchema.node().hasNonNull("format") ? itemSchema.node().get("format").asText() : null;
      }
      List<String> enumValues = new ArrayList<>();
      node.path("enum").forEach(v -> enumValues.add(v.asText()));
      Mark mark = mark(p.getValue().raw(), p.getValue().rawPointer());
      out.add(new SchemaProperty(location(path), path, property.pointer(), type,
          node.hasNonNull("format") ? node.get("format").asText() : null, items, itemsFormat,
          enumValues, required.contains(p.getKey()), node.path("nullable").asBoolean(false),
          node.get("example"), mark.whole(), mark.queryParameters()));
      if ("object".equals(type)) {
        walk(property, path, out, visiting, root);
      } else if ("object".equals(items)) {
        List<String> itemPath = new ArrayList<>(path);
        itemPath.add("*");
        walk(itemSchema, itemPath, out, visiting, root);
      }
    }
    visiting.remove(schema.node());
  }

  /** A property as written ({@code raw}, maybe a $ref with a mark beside it) and resolved. */
  private record Prop(JsonNode raw, String rawPointer, Resolved resolved) {}

  /** An object schema's properties (allOf parts merged); fills {@code required}. */
  private Map<String, Prop> properties(Resolved schema, Set<String> required) {
    Map<String, Prop> out = new LinkedHashMap<>();
    JsonNode node = schema.node();
    for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
      String at = schema.pointer() + "/properties/" + escape(p.getKey());
      out.put(p.getKey(), new Prop(p.getValue(), at, resolveWithPointer(p.getValue(), at)));
    }
    node.path("required").forEach(r -> required.add(r.asText()));
    JsonNode all = node.path("allOf");
    for (int i = 0; i < all.size(); i++) {
      out.putAll(properties(resolveWithPointer(all.get(i), schema.pointer() + "/allOf/" + i), required));
    }
    return out;
  }

  private static String typeOf(JsonNode schema) {
    if (schema.hasNonNull("type")) {
      return schema.get("type").asText();
    }
    if (schema.has("properties") || schema.has("allOf") || schema.has("additionalProperties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    return "any";
  }

  private static String location(List<String> path) {
    return "/" + String.join("/", path);
  }

  /** A node and the JSON pointer it sits at (after following {@code $ref}s). */
  private record Resolved(JsonNode node, String pointer) {}

  private JsonNode resolve(JsonNode node, String at) {
    return resolveWithPointer(node, at).node();
  }

  private Resolved resolveWithPointer(JsonNode node, String at) {
    String pointer = at;
    int hops = 0;
    while (node != null && node.isObject() && node.has("$ref")) {
      if (hops++ >= MAX_REF_HOPS) {
        throw new SpecException(source, pointer, "$ref chain longer than " + MAX_REF_HOPS + " (a loop?)");
      }
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new SpecException(source, pointer + "/$ref",
            "only local $refs (#/...) are followed, found \"" + ref + "\"");
      }
      JsonNode target = document.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new SpecException(source, pointer + "/$ref", "\"" + ref + "\" points at nothing");
      }
      pointer = ref.substring(1);
      node = target;
    }
    return new Resolved(node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node, pointer);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A name as one JSON pointer token ({@code ~} and {@code /} escaped). */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
