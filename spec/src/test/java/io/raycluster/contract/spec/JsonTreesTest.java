package io.raycluster.contract.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
  private static final JsonFactory JSON = new JsonFactory();

  private static JsonNode read(String text, List<String> path, List<String> items) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      return JsonTrees.read(p, path, (i, item) -> items.add(i + "=" + item));
    }
  }

  @Test
  void arrayAtThePath_isHandedOverItemByItem_andNotKept() throws IOException {
    List<String> items = new ArrayList<>();
    JsonNode root = read("{\"log\":{\"version\":\"1.2\",\"entries\":[{\"a\":[1,{\"b\":2}]},3,\"x\",[],{}],\"after\":true}}",
        List.of("log", "entries"), items);

    assertEquals(List.of("0={\"a\":[1,{\"b\":2}]}", "1=3", "2=\"x\"", "3=[]", "4={}"), items);
    assertEquals("{\"log\":{\"version\":\"1.2\",\"entries\":[],\"after\":true}}", root.toString());
  }

  @Test
  void arraysElsewhere_areKeptWhole() throws IOException {
    List<String> items = new ArrayList<>();
    String text = "{\"entries\":[1],\"x\":{\"log\":{\"entries\":[2]}},\"log\":[{\"entries\":[3]}]}";
    JsonNode root = read(text, List.of("log", "entries"), items);

    assertEquals(List.of(), items);
    assertEquals(text, root.toString());
  }

  @Test
  void numbersBeyondADouble_keepTheirLiteral() throws IOException {
    JsonNode root = read("{\"t\":1e400,\"u\":-2.5E+401}", List.of(), new ArrayList<>());
    assertEquals("1e400", root.get("t").asText());
    assertTrue(root.get("u").isBigDecimal());
  }

  @Test
  void anExponentBeyondEveryRange_isAParseErrorNamingIt() {
    IOException e = assertThrows(IOException.class, () -> read("[1e99999999999]", List.of(), new ArrayList<>()));
    assertTrue(e.getMessage().contains("the number 1e99999999999 is beyond every numeric range"), e.getMessage());
  }
}
