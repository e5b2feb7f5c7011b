package io.raycluster.contract.conformance.replay;

import io.raycluster.contract.client.auth.AcsSignatures;
import io.raycluster.contract.client.auth.CanonicalRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Raw HTTP/1.1 over a socket, for what a client library would not send. */
final class Wire {
  private Wire() {}

  /** A response as read off the socket: the status line's code, the head and the body text. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Sends {@code request} on a new connection and reads one answer (Content-Length framed). */
  static Answer exchange(int port, byte[] request) throws IOException {
    try (Socket s = connect(port)) {
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      return read(s.getInputStream());
    }
  }

  static Answer exchange(int port, String request) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads one answer: the head up to the blank line, then Content-Length bytes (or to the end). */
  static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed before a whole answer: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String headText = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(headText.substring(9, 12));
    Answer partial = new Answer(status, headText, "");
    String length = partial.header("Content-Length");
    byte[] body;
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = new byte[0];
    }
    return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the server closes the connection within the socket's timeout (reads until the end). */
  static boolean closedByServer(Socket s) throws IOException {
    try {
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      while (in.read(buf) >= 0) {
        // an answer (a 408, say) may come first; read on to the end
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  /**
   * A GET of {@code path} signed over exactly {@code headers} (names may repeat: every value is
   * signed, joined by commas, as the canonical request does), with the Authorization header last,
   * as raw bytes.
   */
  static String signedGet(int port, String path, List<Map.Entry<String, String>> headers, String keyId, String secret) {
    CanonicalRequest.Builder canonical = CanonicalRequest.builder()
        .method("GET").encodedPath(path).encodedQuery(null)
        .hashedPayload(AcsSignatures.EMPTY_PAYLOAD_HASH);
    for (Map.Entry<String, String> h : headers) {
      canonical.addHeader(h.getKey(), h.getValue());
    }
    String authorization = canonical.build().authorization(keyId, secret).headerValue();
    StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
    for (Map.Entry<String, String> h : headers) {
      r.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    return r.append("Authorization: ").append(authorization).append("\r\n\r\n").toString();
  }

  /** The headers a GetRayCluster request signs, with {@code nonces} as its nonce header(s). */
  static List<Map.Entry<String, String>> acsHeaders(int port, String... nonces) {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    h.add(Map.entry("host", "127.0.0.1:" + port));
    h.add(Map.entry("x-acs-action", "GetRayCluster"));
    h.add(Map.entry("x-acs-version", "2023-08-08"));
    h.add(Map.entry("x-acs-date", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z")));
    for (String n : nonces) {
      h.add(Map.entry("x-acs-signature-nonce", n));
    }
    h.add(Map.entry("x-acs-content-sha256", AcsSignatures.EMPTY_PAYLOAD_HASH));
    return h;
  }

  static String freshNonce() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
