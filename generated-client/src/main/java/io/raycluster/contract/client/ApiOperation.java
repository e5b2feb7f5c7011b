package io.raycluster.contract.client;

import io.raycluster.contract.client.generated.ApiContract;
import java.util.List;
import java.util.Objects;

/**
 * One operation of the spec as the client signs it: the operationId (the name of the generated
 * Retrofit method), the method and path, and the vendor's {@code x-acs-*} names. The values come
 * from {@link ApiContract}, generated at build time from the spec; the client never reads the
 * OpenAPI document at run time.
 */
public final class ApiOperation {
  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final String action;
  private final String version;
  private final String product;
  private final String style;

  public ApiOperation(String operationId, String method, String pathTemplate, String action,
      String version, String product, String style) {
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.method = Objects.requireNonNull(method, "method");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.action = action;
    this.version = version;
    this.product = product;
    this.style = style;
  }

  /** Every operation of the spec, generated at build time. */
  public static List<ApiOperation> all() {
    return ApiContract.OPERATIONS;
  }

  /**
   * The spec's operation with this {@code operationId}.
   *
   * @throws IllegalStateException naming the known operations when there is none
   */
  public static ApiOperation byId(String operationId) {
    return find(all(), operationId);
  }

  static ApiOperation find(List<ApiOperation> operations, String operationId) {
    for (ApiOperation op : operations) {
      if (op.operationId.equals(operationId)) {
        return op;
      }
    }
    throw new IllegalStateException("The spec has no operation with operationId \"" + operationId
        + "\"; it has " + operations.stream().map(ApiOperation::operationId).toList()
        + ". Regenerate the client from the same spec.");
  }

  public String operationId() {
    return operationId;
  }

  /** Upper-case HTTP method. */
  public String method() {
    return method;
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  /** {@code x-acs-action}, e.g. {@code GetRayCluster}; {@code null} when the spec gives none. */
  public String action() {
    return action;
  }

  /** {@code x-acs-version}, e.g. {@code 2023-08-08}; {@code null} when the spec gives none. */
  public String version() {
    return version;
  }

  public String product() {
    return product;
  }

  public String style() {
    return style;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiOperation other && operationId.equals(other.operationId)
        && method.equals(other.method) && pathTemplate.equals(other.pathTemplate)
        && Objects.equals(action, other.action) && Objects.equals(version, other.version)
        && Objects.equals(product, other.product) && Objects.equals(style, other.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operationId, method, pathTemplate, action, version);
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + pathTemplate + ", " + action + " " + version + ")";
  }
}
