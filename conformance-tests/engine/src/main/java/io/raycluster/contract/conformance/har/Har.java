package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A HAR 1.2 file ({@code {"log": {...}}}): the project's format for recorded exchanges. The
 * model covers what the conformance tools read (request method and URL, response status,
 * headers and body) and write (recordings), so one set of types serves validating, recording
 * and replaying. Build with the static factories; read and write with {@link HarIo}.
 *
 * <p>Hand-written with Jackson rather than taken from a HAR library: the readers available
 * (e.g. {@code de.sstoehr:har-reader}) only read, whereas this project also writes recordings,
 * and reading must go through the engine's bounded, strict JSON reader (limits on size, depth,
 * string length; duplicate keys rejected) so that a broken HAR is reported, never a crash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Har(HarLog log) {
  /** A HAR with these entries, created by {@code creatorName} {@code creatorVersion}. */
  public static Har of(String creatorName, String creatorVersion, List<HarEntry> entries) {
    return new Har(new HarLog("1.2", new HarCreator(creatorName, creatorVersion, null), null, null,
        List.copyOf(entries), null));
  }
}
