package io.raycluster.contract.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcsAuthorizationTest {
  private static final String HEADER = "ACS3-HMAC-SHA256 Credential=LTAI-tExampleKeyId,"
      + "SignedHeaders=host;x-acs-action;x-acs-date,Signature=0123456789abcdef";

  @Test
  void parse_readsTheThreeParts() {
    AcsAuthorization a = AcsAuthorization.parse(HEADER);
    assertEquals("LTAI-tExampleKeyId", a.accessKeyId());
    assertEquals(List.of("host", "x-acs-action", "x-acs-date"), a.signedHeaders());
    assertEquals("0123456789abcdef", a.signature());
    assertEquals(HEADER, a.headerValue());
  }

  @Test
  void parse_toleratesSpacesAfterCommas() {
    AcsAuthorization a = AcsAuthorization.parse(
        "ACS3-HMAC-SHA256 Credential=id, SignedHeaders=host, Signature=ab");
    assertEquals("id", a.accessKeyId());
    assertEquals("ab", a.signature());
  }

  @Test
  void parse_otherScheme_isRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AcsAuthorization.parse("acs LTAI:abc"));
    assertTrue(e.getMessage().contains("\"acs\""), e.getMessage());
  }

  @Test
  void parse_missingSignature_isRejectedNamingThePart() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AcsAuthorization.parse("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host"));
    assertTrue(e.getMessage().contains("Signature"), e.getMessage());
  }

  @Test
  void parse_repeatedPart_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> AcsAuthorization.parse(
        "ACS3-HMAC-SHA256 Credential=id,Credential=other,SignedHeaders=host,Signature=ab"));
  }

  @Test
  void parse_emptyOrNull_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> AcsAuthorization.parse(null));
    assertThrows(IllegalArgumentException.class, () -> AcsAuthorization.parse(" "));
  }

  @Test
  void toString_masksSignatureAndMostOfTheKeyId() {
    String s = AcsAuthorization.parse(HEADER).toString();
    assertFalse(s.contains("0123456789abcdef"), s);
    assertFalse(s.contains("LTAI-tExampleKeyId"), s);
    assertTrue(s.contains("LTAI****"), s);
    assertEquals(s, Redaction.authorization(HEADER));
  }

  @Test
  void constantTimeEquals_comparesWholeValues() {
    assertTrue(AcsSignatures.constantTimeEquals("abc", "abc"));
    assertFalse(AcsSignatures.constantTimeEquals("abc", "abd"));
    assertFalse(AcsSignatures.constantTimeEquals("abc", "abcd"));
    assertFalse(AcsSignatures.constantTimeEquals(null, "abc"));
  }
}
