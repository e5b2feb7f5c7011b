package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.generated.ApiContract;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client learns the spec at build time (the generated {@link ApiContract}); the other tools
 * read it at run time ({@link ApiSpec}). Both come from one file, and this proves they agree, so
 * neither can drift from the other.
 */
class ApiContractTest {
  static final ApiSpec SPEC = ApiSpec.bundled();

  @Test
  void operations_areTheSpecsWithTheirVendorNames() {
    List<ApiOperation> fromSpec = SPEC.operations().stream()
        .map(o -> new ApiOperation(o.operationId(), o.method(), o.pathTemplate(), o.action(), o.version(),
            o.product(), o.style()))
        .toList();
    assertEquals(fromSpec, ApiContract.OPERATIONS);
    assertEquals(SPEC.apiVersion(), ApiContract.API_VERSION);
  }

  @Test
  void regionsAndServers_areTheSpecs() {
    assertEquals(SPEC.regions(), ApiContract.REGIONS);
    assertEquals(SPEC.servers().stream().filter(s -> !s.vpc()).map(ApiSpec.Server::url).findFirst().orElse(null),
        ApiContract.PUBLIC_SERVER_URL);
    assertEquals(SPEC.servers().stream().filter(ApiSpec.Server::vpc).map(ApiSpec.Server::url).findFirst().orElse(null),
        ApiContract.VPC_SERVER_URL);
  }

  @Test
  void secrets_areTheSpecsXSensitiveMarks() {
    assertEquals(SPEC.sensitivity().properties(), ApiContract.SECRET_PROPERTIES);
    assertEquals(SPEC.sensitivity().queryParameters(), ApiContract.SECRET_QUERY_PARAMETERS);
    assertEquals(SPEC.sensitivity().headers(), ApiContract.SECRET_HEADERS);
  }

  @Test
  void errorCodesAndCompatibility_areTheSpecs() {
    assertEquals(SPEC.errorCodes().throttling(), ApiContract.THROTTLING_CODES);
    assertEquals(SPEC.errorCodes().authentication(), ApiContract.AUTHENTICATION_CODES);
    assertEquals(SPEC.errorCodes().notFound(), ApiContract.NOT_FOUND_CODES);
    assertEquals(SPEC.responseEnumsAreOpen(), ApiContract.RESPONSE_ENUMS_ARE_OPEN);
  }

  @Test
  void everyOperation_hasAGeneratedRetrofitMethodOfItsName() throws Exception {
    for (SpecOperation op : SPEC.operations()) {
      // The generator names each interface after the operation's first tag.
      String tag = SPEC.document().at(op.pointer()).path("tags").path(0).asText("Default");
      Class<?> api = Class.forName("io.raycluster.contract.client.generated.api." + tag + "Api");
      Set<String> methods = List.of(api.getMethods()).stream().map(Method::getName).collect(Collectors.toSet());
      assertTrue(methods.contains(op.operationId()), op.describe() + " has no method in " + api.getName());
    }
  }

  @Test
  void everyGeneratedEnum_toleratesUnknownValues_whenTheSpecSaysEnumsAreOpen() throws Exception {
    if (!ApiContract.RESPONSE_ENUMS_ARE_OPEN) {
      return;
    }
    // The generator's enumUnknownDefaultCase is the client's half of that decision.
    for (Class<?> model : generatedModels()) {
      if (!model.isEnum()) {
        continue;
      }
      Object unknown = model.getMethod("fromValue", String.class).invoke(null, "NoSuchValue-" + System.nanoTime());
      assertEquals("UNKNOWN_DEFAULT_OPEN_API", ((Enum<?>) unknown).name(), model.getName());
    }
  }

  /** The generated model classes named after the spec's component schemas. */
  static List<Class<?>> generatedModels() throws ClassNotFoundException {
    List<Class<?>> out = new java.util.ArrayList<>();
    for (var name : (Iterable<String>) () -> SPEC.document().path("components").path("schemas").fieldNames()) {
      out.add(Class.forName("io.raycluster.contract.client.generated.model." + name));
    }
    return out;
  }
}
