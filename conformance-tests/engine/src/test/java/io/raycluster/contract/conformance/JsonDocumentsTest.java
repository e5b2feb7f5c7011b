package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDocumentsTest {
  private final JsonDocuments json = JsonDocuments.create(Limits.defaults());

  /** An endless stream of zero bytes, counting what was taken from it. */
  private static final class Zeros extends InputStream {
    long taken;

    @Override
    public int read() {
      taken++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 0);
      taken += len;
      return len;
    }
  }

  @Test
  void readStream_ofBinaryData_isRefusedAfterItsFirstBytes_notAtTheLimit() {
    Zeros zeros = new Zeros();

    UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> json.readStream(zeros));

    assertEquals("binary data, not JSON text: control byte 0x00 at offset 0", e.getMessage());
    assertTrue(zeros.taken <= JsonDocuments.START_BYTES, zeros.taken + " bytes read");
  }

  @Test
  void readFile_ofBinaryData_isRefusedWithTheSameWordsAsTheWholeCheck(@TempDir Path dir) throws Exception {
    Path sparse = dir.resolve("zeros.json");
    try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
      f.setLength(32L * 1024 * 1024); // sparse: no disk used
    }

    UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> json.readFile(sparse));

    assertEquals("binary data, not JSON text: control byte 0x00 at offset 0", e.getMessage());
  }

  @Test
  void readStream_ofTextLongerThanTheStart_isReadWhole() throws Exception {
    String text = "{\"a\":\"" + "x".repeat(3 * JsonDocuments.START_BYTES) + "\"}";

    byte[] read = json.readStream(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertEquals(text, new String(read, java.nio.charset.StandardCharsets.UTF_8));
  }
}
