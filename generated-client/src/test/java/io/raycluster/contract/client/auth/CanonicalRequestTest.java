package io.raycluster.contract.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

  /** Vector A of the facts file: the vendor's signature documentation. */
  private static CanonicalRequest vectorA() {
    return CanonicalRequest.builder()
        .method("POST")
        .encodedPath("/")
        .encodedQuery("ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai")
        .addHeader("host", "ecs.cn-shanghai.aliyuncs.com")
        .addHeader("x-acs-action", "RunInstances")
        .addHeader("x-acs-version", "2014-05-26")
        .addHeader("x-acs-date", "2023-10-26T10:22:32Z")
        .addHeader("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d")
        .addHeader("x-acs-content-sha256", AcsSignatures.EMPTY_PAYLOAD_HASH)
        .hashedPayload(AcsSignatures.EMPTY_PAYLOAD_HASH)
        .build();
  }

  /** Vector B of the facts file: the vendor SDK's unit test. */
  private static CanonicalRequest vectorB(String method) {
    return CanonicalRequest.builder()
        .method(method)
        .encodedPath("")
        .addQueryParameter("test", "ok")
        .addQueryParameter("empty", "")
        .addHeader("x-acs-test", "http")
        .addHeader("x-acs-TEST", "https")
        .hashedPayload("55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23")
        .build();
  }

  @Test
  void vectorA_reproducesTheCanonicalRequestHashAndSignature() {
    CanonicalRequest a = vectorA();
    assertEquals("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", a.hashHex());
    assertEquals("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
        a.signature("YourAccessKeySecret"));
    assertEquals("host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
        a.signedHeadersString());
    assertEquals("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=" + a.signedHeadersString()
        + ",Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
        a.authorization("YourAccessKeyId", "YourAccessKeySecret").headerValue());
  }

  @Test
  void vectorA_canonicalStringHasTheSixDocumentedLines() {
    assertEquals("POST\n/\n"
        + "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
        + "host:ecs.cn-shanghai.aliyuncs.com\n"
        + "x-acs-action:RunInstances\n"
        + "x-acs-content-sha256:" + AcsSignatures.EMPTY_PAYLOAD_HASH + "\n"
        + "x-acs-date:2023-10-26T10:22:32Z\n"
        + "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
        + "x-acs-version:2014-05-26\n"
        + "\n"
        + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
        + AcsSignatures.EMPTY_PAYLOAD_HASH, vectorA().canonicalString());
  }

  @Test
  void vectorB_reproducesTheSdkAuthorization() {
    assertEquals("ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,"
        + "Signature=d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1",
        vectorB("GET").authorization("acesskey", "secret").headerValue());
  }

  @Test
  void vectorB_withAnEmptyMethod_reproducesTheSdkSignature() {
    assertEquals("4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3",
        vectorB("").signature("secret"));
  }

  @Test
  void vectorB_emptyPathIsSlash_emptyValueIsWrittenNameEquals_twoValuesAreJoined() {
    CanonicalRequest b = vectorB("GET");
    assertEquals("/", b.canonicalUri());
    assertEquals("empty=&test=ok", b.canonicalQueryString());
    assertEquals("x-acs-test:http,https\n", b.canonicalHeaders());
  }

  @Test
  void query_isSortedByNameAndRfc3986Encoded() {
    CanonicalRequest r = base()
        .addQueryParameter("b", "x y")
        .addQueryParameter("a", "1*2~3/4")
        .addQueryParameter("Z", "é")
        .addQueryParameter("c", "+")
        .build();
    assertEquals("Z=%C3%A9&a=1%2A2~3%2F4&b=x%20y&c=%2B", r.canonicalQueryString());
  }

  @Test
  void encodedQuery_decodesThenReencodes_andKeepsEmptyValues() {
    CanonicalRequest r = base().encodedQuery("b=x%20y&a=1*2&flag&empty=").build();
    assertEquals("a=1%2A2&b=x%20y&empty=&flag=", r.canonicalQueryString());
  }

  @Test
  void query_noParameters_givesAnEmptyLine() {
    String[] lines = base().build().canonicalString().split("\n", -1);
    assertEquals("", lines[2]);
  }

  @Test
  void headers_valuesAreTrimmedAndNamesLowerCased() {
    CanonicalRequest r = base().addHeader("X-Acs-Action", "  GetRayCluster \t").addHeader("Host", " h.example ").build();
    assertEquals("host:h.example\nx-acs-action:GetRayCluster\n", r.canonicalHeaders());
    assertEquals(List.of("host", "x-acs-action"), r.signedHeaders());
  }

  @Test
  void headers_twoValuesOfOneHeader_areSortedAndJoinedWithComma() {
    CanonicalRequest r = base().addHeader("x-acs-z", "b").addHeader("X-ACS-Z", " a ").build();
    assertEquals("x-acs-z:a,b\n", r.canonicalHeaders());
  }

  @Test
  void headers_onlyHostContentTypeAndXAcsAreSigned() {
    CanonicalRequest r = base().addHeader("Content-Type", "application/json").addHeader("Accept", "*/*")
        .addHeader("User-Agent", "x").addHeader("x-acs-date", "d").build();
    assertEquals("content-type;x-acs-date", r.signedHeadersString());
  }

  @Test
  void emptyBody_hashIsTheDocumentedConstant() {
    assertEquals(AcsSignatures.EMPTY_PAYLOAD_HASH, AcsSignatures.sha256Hex(new byte[0]));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        AcsSignatures.sha256Hex("".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void path_isUsedExactlyAsGiven() {
    CanonicalRequest r = base().encodedPath("/api/v1/workspaces/w%20a/rayCluster/r%2A%2F~").build();
    assertEquals("/api/v1/workspaces/w%20a/rayCluster/r%2A%2F~", r.canonicalUri());
  }

  @Test
  void verifier_onlySignedHeaders_ignoresHeadersAddedOnTheWay() {
    CanonicalRequest signed = base().addHeader("host", "h").addHeader("x-acs-date", "d").build();
    CanonicalRequest verified = base().addHeader("host", "h").addHeader("x-acs-date", "d")
        .addHeader("x-acs-proxy-added", "1")
        .onlySignedHeaders(List.of("host", "x-acs-date")).build();
    assertEquals(signed.canonicalString(), verified.canonicalString());
  }

  @Test
  void verifier_onlySignedHeaders_whenASignedHeaderIsMissing_fails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> base().addHeader("host", "h").onlySignedHeaders(List.of("host", "x-acs-date")).build());
    assertTrue(e.getMessage().contains("x-acs-date"), e.getMessage());
  }

  @Test
  void build_withoutPayloadHash_fails() {
    assertThrows(IllegalStateException.class, () -> CanonicalRequest.builder().method("GET").build());
  }

  private static CanonicalRequest.Builder base() {
    return CanonicalRequest.builder().method("GET").encodedPath("/").hashedPayload(AcsSignatures.EMPTY_PAYLOAD_HASH);
  }

  @Test
  void canonicalQuery_ofARawQuery_ignoresOrderAndSpelling() {
    assertEquals("a=1&b=x%20y&c=", CanonicalRequest.canonicalQuery("c&b=x%20y&a=%31"));
    assertEquals(CanonicalRequest.canonicalQuery("b=%7e&a=1"), CanonicalRequest.canonicalQuery("a=1&b=~"));
    assertEquals("", CanonicalRequest.canonicalQuery(null));
  }

  @Test
  void canonicalQuery_ofMalformedPercentEncoding_fails() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.canonicalQuery("a=%zz"));
  }
}
