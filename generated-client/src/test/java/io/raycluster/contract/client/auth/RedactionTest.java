package io.raycluster.contract.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void maskText_tokenQueryValues_anyCase() {
    assertEquals("https://x/d?token=***&a=1", Redaction.maskText("https://x/d?token=abc&a=1", "***"));
    assertEquals("u?SecurityToken=R&access_token=R",
        Redaction.maskText("u?SecurityToken=s1&access_token=s2", "R"));
  }

  @Test
  void maskText_secretJsonFields_keepTheirQuotes_evenWhenCutOff() {
    assertEquals("{\"submitToken\":\"***\",\"a\":1}", Redaction.maskText("{\"submitToken\":\"s3cr3t\",\"a\":1}", "***"));
    assertEquals("{\"submitToken\": \"***\"", Redaction.maskText("{\"submitToken\": \"s3cr", "***"));
    assertEquals("{\"accessKeySecret\":\"***\"}", Redaction.maskText("{\"accessKeySecret\":12345}", "***"));
  }

  @Test
  void maskText_otherTextUnchanged_nullStaysNull() {
    assertEquals("{\"clusterId\":\"ray-1\"}", Redaction.maskText("{\"clusterId\":\"ray-1\"}", "***"));
    assertNull(Redaction.maskText(null, "***"));
  }
}
