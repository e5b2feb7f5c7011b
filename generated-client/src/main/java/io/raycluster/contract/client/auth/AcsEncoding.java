package io.raycluster.contract.client.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as the ACS3 signature uses it: {@code A-Z a-z 0-9 - _ . ~} are kept,
 * every other UTF-8 byte becomes {@code %XX} (upper-case hex). Space is {@code %20} (never
 * {@code +}), {@code *} is {@code %2A}, {@code /} is {@code %2F}.
 *
 * <p>Hand-written because neither {@code URLEncoder} (form encoding: {@code +}, keeps {@code *})
 * nor OkHttp's or Retrofit's path encoders (they keep {@code *} and other sub-delimiters) produce
 * this exact set.
 */
public final class AcsEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private AcsEncoding() {}

  /** Encodes {@code value} (as UTF-8) keeping only the RFC 3986 unreserved characters. */
  public static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  /**
   * Decodes {@code %XX} escapes (UTF-8). A {@code +} stays a {@code +}: in a path and in the
   * query strings the signer produces it is never a space.
   *
   * @throws IllegalArgumentException on a malformed escape
   */
  public static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("malformed percent escape at index " + i + " in \"" + value + "\"");
        }
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed percent escape at index " + i + " in \"" + value + "\"");
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
          bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Re-encodes an already encoded path segment by segment: each segment is decoded and then
   * encoded with {@link #encode}, so {@code a*b} becomes {@code a%2Ab} and {@code %7E} becomes
   * {@code ~}, while an encoded slash ({@code %2F}) stays inside its segment.
   */
  public static String canonicalPath(String encodedPath) {
    if (encodedPath == null || encodedPath.isEmpty()) {
      return "/";
    }
    String[] segments = encodedPath.split("/", -1);
    StringBuilder sb = new StringBuilder(encodedPath.length() + 16);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(encode(decode(segments[i])));
    }
    return sb.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }
}
