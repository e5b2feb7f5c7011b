package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.spec.SpecFixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * diff-doc on the vendor's API metadata, as data. Every case starts from the fixture's product in
 * the metadata's format ({@link SpecFixtures#RAY_JOBS_METADATA}, written for the project), applies
 * text edits (for documents that no longer parse) and JSON Patch operations, and says what diff-doc
 * must report against the fixture spec, as the page cases do: exit 0, 1 with exactly which
 * findings, or 2 with what makes the document unreadable. Adding a case is adding a JSON file to
 * {@code diff-doc/metadata-cases/} (checked against {@code diff-doc/metadata-case.schema.json}).
 */
class MetadataCasesTest {
  @TestFactory
  Stream<DynamicTest> eachCase_reportsExactlyWhatItExpects() {
    String base = SpecFixtures.text(SpecFixtures.RAY_JOBS_METADATA);
    return DiffDocCasesTest.cases("metadata-cases", "metadata-case.schema.json", (name, c) -> {
      String text = DiffDocCasesTest.edit(name, base, c.path("edits"));
      if (c.has("patch")) {
        text = patch(name, text, c.get("patch"));
      }
      DiffDocCasesTest.run(name, c, text);
    });
  }

  /** Applies RFC 6902 add, remove and replace operations ({@code -} appends to an array). */
  private static String patch(String name, String text, JsonNode operations) {
    try {
      JsonNode doc = DiffDocCasesTest.JSON.readTree(text);
      for (JsonNode op : operations) {
        JsonPointer path = JsonPointer.compile(op.get("path").asText());
        JsonNode parent = doc.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent instanceof ObjectNode o && (o.has(last) || op.get("op").asText().equals("add"))) {
          if (op.get("op").asText().equals("remove")) {
            o.remove(last);
          } else {
            o.set(last, op.get("value"));
          }
        } else if (parent instanceof ArrayNode a) {
          int i = last.equals("-") ? a.size() : Integer.parseInt(last);
          switch (op.get("op").asText()) {
            case "remove" -> a.remove(i);
            case "add" -> a.insert(i, op.get("value"));
            default -> a.set(i, op.get("value"));
          }
        } else {
          fail(name + ": the patch's path leads nowhere in the fixture: " + path);
        }
      }
      return DiffDocCasesTest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
