package io.raycluster.contract.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogLineTest {
  @Test
  void controlCharacters_areEscaped_neverWrittenRaw() {
    assertEquals("\\x1b]0;pwned\\x07", LogLine.safe("\u001b]0;pwned\u0007", 100));
    assertEquals("a\\x0d\\x0ab\\x00c\\x7f", LogLine.safe("a\r\nb\u0000c\u007f", 100));
    assertEquals("\\u0085\\u2028", LogLine.safe("\u0085\u2028", 100));
  }

  @Test
  void printableText_isKept_includingNonAsciiLettersAndPairedSurrogates() {
    assertEquals("/api/v1/é/😀", LogLine.safe("/api/v1/é/😀", 100));
    assertEquals("-", LogLine.safe(null, 10));
    assertEquals("-", LogLine.safe("", 10));
  }

  @Test
  void longValues_areCutWithAMarkerSayingHowMuchIsLeftOut() {
    assertEquals("abcde...[5 more chars]", LogLine.safe("abcdefghij", 5));
    assertEquals("abcde", LogLine.safe("abcde", 5));
  }
}
