package io.raycluster.contract.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The breaking-change gate's comparison: openapi-diff between the released baseline (the old
 * contract callers were built against) and the spec as it is now. Small wrapper so the gate and
 * the tests that prove it read and render the same way.
 */
final class SpecDiff {
  /** Where the released contract lives, relative to the spec module. */
  static final String BASELINE = "baseline/getraycluster.yaml";

  private SpecDiff() {}

  /** The spec module's directory (surefire sets {@code basedir}; falls back to the cwd). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  static Path baselineFile() {
    return moduleDir().resolve(BASELINE);
  }

  static Path currentFile() {
    return moduleDir().resolve("src/main/resources/openapi/getraycluster.yaml");
  }

  /** Parses a document with $refs left in place (openapi-diff resolves them itself). */
  static OpenAPI parse(Path file) {
    try {
      return parseText(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static OpenAPI parseText(String yaml, String name) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    if (result.getOpenAPI() == null || !messages.isEmpty()) {
      throw new IllegalStateException(name + " is not a valid OpenAPI document: " + messages);
    }
    return result.getOpenAPI();
  }

  static ChangedOpenApi compare(OpenAPI baseline, OpenAPI current, OpenApiDiffOptions options) {
    return OpenApiCompare.fromSpecifications(baseline, current, options);
  }

  static String markdown(ChangedOpenApi diff) {
    return render(new MarkdownRender(), diff);
  }

  static String console(ChangedOpenApi diff) {
    return render(new ConsoleRender(), diff);
  }

  private static String render(Render render, ChangedOpenApi diff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    render.render(diff, writer); // flushes and closes the writer itself
    return out.toString(StandardCharsets.UTF_8);
  }
}
