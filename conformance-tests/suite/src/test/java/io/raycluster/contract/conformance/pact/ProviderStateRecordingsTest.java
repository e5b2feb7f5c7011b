package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.RecordingValidator;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.Verdict;
import io.raycluster.contract.conformance.replay.RecordingLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recordings behind the provider states: one per state, none unused, each loadable by the
 * replay server and each valid against the spec in strict mode (a recording that drifted from
 * the spec would let the provider verification pass for the wrong reason).
 */
class ProviderStateRecordingsTest {
  private static final Path STATES = Path.of("src/test/resources/pact/states");

  @Test
  void everyProviderState_hasItsRecording_andEveryRecordingBelongsToAState() throws IOException {
    Set<String> files;
    try (Stream<Path> list = Files.list(STATES)) {
      files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    Set<String> used = PactContract.ALL.stream().map(PactContract.State::recording).collect(Collectors.toSet());
    assertEquals(used, files);
  }

  @Test
  void everyRecording_loadsIntoTheReplayServer_andIsValidInStrictMode() {
    ResponseValidator engine = ResponseValidator.fromSpec();
    RecordingValidator validator = new RecordingValidator(engine, Mode.STRICT);
    for (PactContract.State state : PactContract.ALL) {
      Path file = STATES.resolve(state.recording());
      RecordingLoader.Result loaded = new RecordingLoader(engine).load(List.of(file));
      assertTrue(loaded.ok(), file + ": " + loaded.problems());
      assertEquals(1, loaded.recordings().size(), file.toString());
      FileOutcome outcome = validator.validateFile(file, file.toString());
      for (Outcome o : outcome.outcomes()) {
        assertEquals(Verdict.VALID, o.verdict(), file + ": " + o.findings());
      }
      assertEquals(1, outcome.outcomes().size(), file.toString());
    }
  }
}
