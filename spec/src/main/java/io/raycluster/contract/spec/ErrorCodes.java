package io.raycluster.contract.spec;

import java.util.List;

/**
 * The vendor error codes the document classifies ({@code x-error-codes}): each entry is a code or
 * a pattern in which {@code *} stands for any characters.
 */
public record ErrorCodes(List<String> throttling, List<String> authentication, List<String> notFound) {
  public ErrorCodes {
    throttling = List.copyOf(throttling);
    authentication = List.copyOf(authentication);
    notFound = List.copyOf(notFound);
  }
}
