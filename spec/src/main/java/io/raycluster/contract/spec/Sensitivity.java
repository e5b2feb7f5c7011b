package io.raycluster.contract.spec;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the document marks as secret ({@code x-sensitive}, {@code x-sensitive-headers}), by name.
 *
 * @param properties property (and parameter) names whose whole value is a secret
 * @param queryParameters query parameter names whose values are secrets wherever a URL or a text
 *     carries them
 * @param headers header names (lower case) whose values are credentials
 */
public record Sensitivity(Set<String> properties, Set<String> queryParameters, Set<String> headers) {
  public Sensitivity {
    properties = Set.copyOf(new TreeSet<>(properties));
    queryParameters = Set.copyOf(new TreeSet<>(queryParameters));
    headers = Set.copyOf(new TreeSet<>(headers));
  }
}
