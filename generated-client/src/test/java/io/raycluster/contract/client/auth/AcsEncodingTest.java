package io.raycluster.contract.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AcsEncodingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ray-k7nm8ahl5te4tg91|ray-k7nm8ahl5te4tg91",
      "a b|a%20b",
      "a*b|a%2Ab",
      "a~b|a~b",
      "a/b|a%2Fb",
      "a+b|a%2Bb",
      "集群|%E9%9B%86%E7%BE%A4",
      "A-Z_a.z0~9|A-Z_a.z0~9",
      "50%|50%25"})
  void encode_keepsOnlyUnreserved(String raw, String encoded) {
    assertEquals(encoded, AcsEncoding.encode(raw));
    assertEquals(raw, AcsEncoding.decode(encoded));
  }

  @Test
  void canonicalPath_reencodesEachSegment() {
    assertEquals("/a/b%2Ac/%257E/~/%2F", AcsEncoding.canonicalPath("/a/b*c/%257E/%7E/%2F"));
    assertEquals("/", AcsEncoding.canonicalPath(""));
  }

  @Test
  void decode_malformedEscape_fails() {
    assertThrows(IllegalArgumentException.class, () -> AcsEncoding.decode("a%2"));
    assertThrows(IllegalArgumentException.class, () -> AcsEncoding.decode("a%zz"));
  }
}
