package io.raycluster.contract.conformance.replay;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An AccessKey pair made up for one replay server's lifetime: the server accepts it and an
 * in-process client signs with it. It grants nothing anywhere else, so it may be printed.
 */
public record ThrowawayKey(String accessKeyId, String accessKeySecret) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh random pair; the id starts with {@code replay-} so it is recognisable in logs. */
  public static ThrowawayKey generate() {
    return new ThrowawayKey("replay-" + hex(6), hex(24));
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
