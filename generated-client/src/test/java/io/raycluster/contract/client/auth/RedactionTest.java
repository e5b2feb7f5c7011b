package io.raycluster.contract.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.generated.ApiContract;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {
  /** A made-up spec's marks, so these cases do not move when the vendor's contract does. */
  static final Redaction R = Redaction.of(Set.of("submitToken", "jobSecret"), Set.of("token", "sig"),
      Set.of("Authorization", "x-acs-security-token"));

  @Test
  void maskText_secretQueryValues_anyCase_andPrefixedNames() {
    assertEquals("https://x/d?token=***&a=1", R.maskText("https://x/d?token=abc&a=1", "***"));
    assertEquals("u?SecurityToken=R&access_token=R&SIG=R",
        R.maskText("u?SecurityToken=s1&access_token=s2&SIG=s3", "R"));
  }

  @Test
  void maskText_secretJsonFields_keepTheirQuotes_evenWhenCutOff() {
    assertEquals("{\"submitToken\":\"***\",\"a\":1}", R.maskText("{\"submitToken\":\"s3cr3t\",\"a\":1}", "***"));
    assertEquals("{\"submitToken\": \"***\"", R.maskText("{\"submitToken\": \"s3cr", "***"));
    assertEquals("{\"JOBSECRET\":\"***\"}", R.maskText("{\"JOBSECRET\":12345}", "***"));
  }

  @Test
  void maskText_otherTextUnchanged_nullStaysNull() {
    assertEquals("{\"clusterId\":\"ray-1\"}", R.maskText("{\"clusterId\":\"ray-1\"}", "***"));
    assertNull(R.maskText(null, "***"));
  }

  @Test
  void maskValue_wholeSecret_orOnlyItsQueryValues() {
    assertEquals("***", R.maskValue("submitToken", "abc", "***"));
    assertEquals("https://d/?token=***", R.maskValue("dashboardUrl", "https://d/?token=abc", "***"));
    assertEquals("7", R.maskValue("replica", 7, "***"));
    assertNull(R.maskValue("submitToken", null, "***"));
  }

  @Test
  void headers_matchWithoutRegardToCase() {
    assertTrue(R.isSecretHeader("authorization"));
    assertTrue(R.isSecretHeader("X-Acs-Security-Token"));
    assertFalse(R.isSecretHeader("content-type"));
  }

  @Test
  void aSpecThatMarksNothing_masksNothing() {
    Redaction none = Redaction.of(Set.of(), Set.of(), Set.of());
    assertEquals("{\"submitToken\":\"a\"}?token=b", none.maskText("{\"submitToken\":\"a\"}?token=b", "***"));
  }

  @Test
  void contract_isTheGeneratedMarksOfTheSpec() {
    assertEquals(ApiContract.SECRET_PROPERTIES.stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toSet()),
        Redaction.contract().secretProperties());
    for (String p : ApiContract.SECRET_PROPERTIES) {
      assertEquals("***", Redaction.forToString(p, "value"));
    }
  }

  @Test
  void maskText_escapedQuotesArraysObjectsAndEscapedNames_leakNothing() {
    for (String text : java.util.List.of(
        "{\"submitToken\":\"abc\\\"SECRET\"}",
        "{\"submitToken\":[\"SECRET\",\"SECRET2\"]}",
        "{\"submitToken\":{\"v\":\"SECRET\"}}",
        "{\"\\u0073ubmitToken\":\"SECRET\"}",
        "{\"SUBMITTOKEN\": SECRET}")) {
      assertFalse(R.maskText(text, "***").contains("SECRET"), text + " -> " + R.maskText(text, "***"));
    }
  }

  @Test
  void maskText_encodedQueryValues_areMaskedToo() {
    for (String text : java.util.List.of("u?token%3DSECRET&a=1", "u?TOKEN%3dSECRET", "\"u?token\\u003dSECRET\"",
        "https://x/?a=1&token=SECRET#f")) {
      assertFalse(R.maskText(text, "***").contains("SECRET"), text + " -> " + R.maskText(text, "***"));
    }
  }

  @Test
  void maskText_withSecretValues_masksEveryOccurrenceAsSentPercentEncodedOrJsonEscaped() {
    Redaction r = R.withSecretValues(java.util.List.of("STS/tok+en=1", "LTAIkeyid0001"));
    assertEquals("a *** b *** c *** d *** e ***",
        r.maskText("a STS/tok+en=1 b STS%2Ftok%2Ben%3D1 c STS%2ftok%2ben%3d1 d STS\\/tok+en=1 e LTAIkeyid0001", "***"));
    // The names still mask too.
    assertEquals("{\"submitToken\":\"***\"}", r.maskText("{\"submitToken\":\"abc\"}", "***"));
  }

  @Test
  void maskText_withSecretValues_ignoresNullsAndValuesTooShortToBeCredentials() {
    java.util.List<String> values = new java.util.ArrayList<>(java.util.Arrays.asList("k", "abc", null, "abcd"));
    Redaction r = R.withSecretValues(values);
    assertEquals("k abc ***", r.maskText("k abc abcd", "***"));
    values.clear();
    assertEquals("k abc ***", r.maskText("k abc abcd", "***"), "a copy of the collection is kept");
  }

  @Test
  void withSecretValues_live_readsTheSupplierAtEachUse_andKeepsEarlierValues() {
    java.util.List<String> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    Redaction r = R.withSecretValues(java.util.List.of("first-secret")).withSecretValues(() -> live);
    assertEquals("*** later-secret", r.maskText("first-secret later-secret", "***"));
    live.add("later-secret");
    assertEquals("*** ***", r.maskText("first-secret later-secret", "***"));
    assertEquals("first-secret later-secret", R.maskText("first-secret later-secret", "***"), "R is unchanged");
  }
}
