package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.credentials.CredentialsException;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.credentials.Environment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A credential value holding a character that cannot go in an HTTP header (a pasted no-break
 * space, a line break, an accented letter) is refused before any header is built, and the
 * refusal names the credential and the position, never the value (hostile test H5a: OkHttp's own
 * "Unexpected char ... value: ..." message printed the token).
 */
class CredentialCharactersTest {
  /** Every sentinel starts with this, so no fragment of a value can hide in a message. */
  private static final String MARK = "SENTINEL";
  private static final String KEY_ID = MARK + "KEYID0123456789";
  private static final String SECRET = MARK + "-SECRET-7f3a9c1e5b";
  private static final String TOKEN = MARK + "-STS-TOKEN-4d2b8e6a0c";
  /** Inserted after this many characters, so the position in the message is this plus one. */
  private static final int AT = 12;

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    String[] bad = {"\u00a0", "\n", "\r\n", "\u0000", "\u00e9", "\u007f", "\t", " ", "\u2028", "\ud83d\udd11"};
    String[] bads = {"no-break space", "LF", "CR LF", "NUL", "e acute", "DEL", "tab", "space", "line separator",
        "emoji"};
    for (String which : List.of("the STS token", "the AccessKey id", "the AccessKey secret")) {
      for (int i = 0; i < bad.length; i++) {
        cases.add(Arguments.of(which, bads[i], bad[i]));
      }
    }
    return cases.stream();
  }

  private static String spoil(String value, String bad) {
    return value.substring(0, AT) + bad + value.substring(AT);
  }

  private static Map<String, String> env(String which, String bad) {
    Map<String, String> vars = new HashMap<>();
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_ID", which.equals("the AccessKey id") ? spoil(KEY_ID, bad) : KEY_ID);
    vars.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", which.equals("the AccessKey secret") ? spoil(SECRET, bad) : SECRET);
    vars.put("ALIBABA_CLOUD_SECURITY_TOKEN", which.equals("the STS token") ? spoil(TOKEN, bad) : TOKEN);
    return vars;
  }

  private static void assertNamesOnlyTheCredentialAndPosition(Throwable e, String which) {
    String m = e.getMessage();
    assertTrue(m.contains(which), m);
    assertTrue(m.contains("contains an invalid character at position " + (AT + 1)), m);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(MARK), "value in a message: " + t.getMessage());
      assertFalse(t.toString().contains(MARK), "value in toString: " + t);
    }
    assertFalse(m.contains("Unexpected char"), m);
  }

  @ParameterizedTest(name = "{0} with a {1}")
  @MethodSource("badValues")
  void getRayCluster_whenACredentialFromTheEnvironmentHasAnInvalidCharacter_failsNamingItAndSendsNothing(
      String which, String name, String bad) {
    CredentialsProvider chain = CredentialsProviders.defaultChain(Environment.of(env(which, bad), null));
    try (RayClusterClient client = RayClusterClient.builder().endpoint(server.url("/")).credentials(chain)
        .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).build()) {
      CredentialsException e = assertThrows(CredentialsException.class, () -> client.getRayCluster("w", "c"));
      assertNamesOnlyTheCredentialAndPosition(e, which);
      assertTrue(e.getMessage().contains("environment variables"), e.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest(name = "{0} with a {1}")
  @MethodSource("badValues")
  void credentials_withAnInvalidCharacter_areRefusedWhenMade(String which, String name, String bad) {
    CredentialsException e = assertThrows(CredentialsException.class, () -> Credentials.sts(
        which.equals("the AccessKey id") ? spoil(KEY_ID, bad) : KEY_ID,
        which.equals("the AccessKey secret") ? spoil(SECRET, bad) : SECRET,
        which.equals("the STS token") ? spoil(TOKEN, bad) : TOKEN));
    assertNamesOnlyTheCredentialAndPosition(e, which);
  }

  @Test
  void getRayCluster_whenACustomProviderReturnsAnInvalidToken_failsBeforeAnyHeaderIsBuilt() {
    // Any provider (the vendor's library, a user's lambda) makes Credentials, which check.
    CredentialsProvider custom = () -> Credentials.sts(KEY_ID, SECRET, spoil(TOKEN, "\u00a0"));
    try (RayClusterClient client = RayClusterClient.builder().endpoint(server.url("/")).credentials(custom)
        .retryPolicy(RetryPolicy.none()).build()) {
      CredentialsException e = assertThrows(CredentialsException.class, () -> client.getRayCluster("w", "c"));
      assertNamesOnlyTheCredentialAndPosition(e, "the STS token");
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void credentials_ofVisibleAscii_areAccepted() {
    String everyVisible = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    Credentials c = Credentials.sts(KEY_ID, everyVisible, everyVisible);
    assertEquals(everyVisible, c.securityToken());
  }
}
