package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.JsonTrees;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's machine-readable description of one product and API version ({@code
 * api-docs.json}, what its SDK generators read): {@code info.product}, {@code info.version} and
 * the operations under {@code apis}, by action name. Only the top level is checked here; an
 * operation is read, with every problem named by its JSON pointer, when it is compared ({@link
 * MetadataOperation}).
 */
public final class ApiMetadata implements VendorDocument {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String source;
  private final JsonNode document;
  private final String product;
  private final String version;

  private ApiMetadata(String source, JsonNode document) {
    this.source = source;
    this.document = document;
    this.product = document.path("info").path("product").textValue();
    this.version = document.path("info").path("version").textValue();
  }

  /**
   * Where the vendor publishes the metadata of {@code product} at API {@code version}:
   * {@code https://api.aliyun.com/meta/v1/products/{product}/versions/{version}/api-docs.json}.
   */
  public static String url(String product, String version) {
    return "https://api.aliyun.com/meta/v1/products/" + segment(product) + "/versions/" + segment(version)
        + "/api-docs.json";
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Reads the metadata's text; {@code source} names it in messages. */
  public static ApiMetadata parse(String text, String source) throws UnreadablePageException {
    JsonNode root;
    try (JsonParser parser = JSON.createParser(text)) {
      root = JsonTrees.read(parser);
      if (parser.nextToken() != null) {
        throw unreadable(source, "more than one JSON document (something follows the first at line "
            + parser.currentTokenLocation().getLineNr() + ")");
      }
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw unreadable(source, "not valid JSON (" + e.getOriginalMessage() + at + ")");
    } catch (IOException e) {
      throw unreadable(source, "it cannot be read (" + e.getMessage() + ")");
    }
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      problems.add("(document): expected a JSON object, the vendor's API metadata");
    } else {
      if (!root.path("info").path("product").isTextual()) {
        problems.add("/info/product: expected a string, the product code");
      }
      if (!root.path("info").path("version").isTextual()) {
        problems.add("/info/version: expected a string, the API version");
      }
      if (!root.path("apis").isObject()) {
        problems.add("/apis: expected an object of operations by action name");
      }
    }
    if (!problems.isEmpty()) {
      throw new UnreadablePageException(source, UnreadablePageException.METADATA, problems);
    }
    return new ApiMetadata(source, root);
  }

  static UnreadablePageException unreadable(String source, String problem) {
    return new UnreadablePageException(source, UnreadablePageException.METADATA, List.of(problem));
  }

  @Override
  public String source() {
    return source;
  }

  /** {@code info.product}: the product code, such as {@code emr-serverless-spark}. */
  public String product() {
    return product;
  }

  /** {@code info.version}: the API version, such as {@code 2023-08-08}. */
  public String version() {
    return version;
  }

  /** The whole document. */
  JsonNode document() {
    return document;
  }

  /** The operation named {@code action} under {@code apis}, if there is one. */
  Optional<JsonNode> api(String action) {
    JsonNode api = document.path("apis").get(action);
    return Optional.ofNullable(api);
  }

  /** How many operations it describes. */
  int operationCount() {
    return document.path("apis").size();
  }
}
