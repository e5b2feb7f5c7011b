package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

  @Test
  void plainText_isReturnedAsIs() {
    String text = "Ray cluster é 集群 (ray-1) in state Running";
    assertSame(text, PrintableText.escape(text));
    assertNull(PrintableText.escape(null));
  }

  @Test
  void lineBreaks_cannotForgeALine() {
    assertEquals("x\\r\\nRay cluster prod in state Running",
        PrintableText.escape("x\r\nRay cluster prod in state Running"));
  }

  @Test
  void terminalControls_areShownNotObeyed() {
    assertEquals("\\u001b]0;pwned\\u0007 \\u0000 \\u007f \\u009b", PrintableText.escape("\u001b]0;pwned\u0007 \u0000 \u007f \u009b"));
  }

  @Test
  void bidiOverridesAndLineSeparators_areEscaped() {
    assertEquals("a\\u202eb\\u2066c\\u2028d", PrintableText.escape("a\u202eb\u2066c\u2028d"));
  }
}
