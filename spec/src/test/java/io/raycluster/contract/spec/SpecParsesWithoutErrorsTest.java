package io.raycluster.contract.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails the build on any message swagger-parser reports for the spec, warnings included. */
class SpecParsesWithoutErrorsTest {
  @Test
  void swaggerParser_reportsNoMessages() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(RayClusterSpec.text(), null, options);

    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    assertEquals(List.of(), messages, "swagger-parser messages for " + RayClusterSpec.RESOURCE);
    assertNotNull(result.getOpenAPI(), "swagger-parser produced no model");
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
  }
}
