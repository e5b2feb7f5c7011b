package io.raycluster.contract.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.spec.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads one JSON document from bytes, strictly and within {@link Limits}: exactly one document,
 * UTF-8 without a byte-order mark, no duplicate keys, bounded depth and string length. Every
 * rejection is an {@link UnreadableInputException} whose message names the problem and, where
 * known, the line, column and JSON pointer. Thread-safe.
 */
public final class JsonDocuments {
  private static final int POINTER_SHOWN = 120;
  /** An excerpt of the input in a Jackson message: 'SECRET' or ('token=...'). */
  private static final java.util.regex.Pattern QUOTED_INPUT = java.util.regex.Pattern.compile("'[^']*'");

  private final Limits limits;
  /** Same limits, no duplicate detection: for the fast path, which tracks duplicates itself. */
  private final JsonFactory streaming;

  private JsonDocuments(Limits limits, Redaction secrets) {
    this.limits = limits;
    this.secrets = secrets;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(1_000)
                    .maxDocumentLength(limits.maxBytes())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.streaming =
        JsonFactory.builder()
            .streamReadConstraints(factory.streamReadConstraints())
            .build();
    this.factory = factory;
  }

  private final JsonFactory factory;
  /** What the spec marks secret: the parser's messages quote the input, and must not quote a secret. */
  private final Redaction secrets;
  private volatile ObjectMapper mapper;

  /** A reader whose messages mask what the client's spec marks secret. */
  public static JsonDocuments create(Limits limits) {
    return create(limits, Redaction.contract());
  }

  /** A reader whose messages mask what {@code secrets} (a spec's marks) says is secret. */
  public static JsonDocuments create(Limits limits, Redaction secrets) {
    return new JsonDocuments(limits, secrets);
  }

  public Limits limits() {
    return limits;
  }

  /** The mapper configured with these limits (duplicate detection on). */
  public ObjectMapper mapper() {
    ObjectMapper m = mapper;
    if (m == null) {
      // built on first need: valid bodies on the fast path never need data binding
      m = JsonMapper.builder(factory).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
      mapper = m;
    }
    return m;
  }

  /** Reads a whole file, refusing one larger than {@link Limits#maxBytes()} before reading it. */
  public byte[] readFile(Path path) throws UnreadableInputException {
    checkRegularFile(path);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
      long size = ch.size();
      if (size > limits.maxBytes()) {
        throw tooLarge(size);
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      // The start first: a file of binary data is refused before the rest of it is read.
      buf.limit((int) Math.min(size, START_BYTES));
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // reading the start
      }
      checkStart(buf.array(), buf.position());
      buf.limit(buf.capacity());
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          break; // the file shrank while being read: take what is there
        }
      }
      if (!buf.hasRemaining() && ch.read(ByteBuffer.allocate(1)) > 0) {
        // the file grew while being read: read it again through the stream path, bounded
        return readStream(java.nio.file.Files.newInputStream(path));
      }
      return buf.position() == buf.capacity() ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
    } catch (IOException e) {
      throw new UnreadableInputException(
          "io", "", "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new UnreadableInputException("size", "", "not enough memory to read the file");
    }
  }

  /**
   * Refuses, before opening it, anything but a regular file (a symbolic link to one is fine): a
   * FIFO would block the open until a writer comes, a device such as {@code /dev/zero} never
   * ends. Standard input is the way to give a stream.
   */
  public static void checkRegularFile(Path path) throws UnreadableInputException {
    java.nio.file.attribute.BasicFileAttributes attrs;
    try {
      attrs = java.nio.file.Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) {
      throw new UnreadableInputException("io", "", "cannot read the file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    if (!attrs.isRegularFile()) {
      throw new UnreadableInputException("io", "", "not a regular file ("
          + (attrs.isDirectory() ? "a directory" : "a FIFO, device or socket")
          + "): it is not read; give a stream on standard input (-) instead");
    }
  }

  /** Reads a stream (standard input) up to the size limit. */
  public byte[] readStream(InputStream in) throws UnreadableInputException {
    try {
      // One byte past the limit tells "at the limit" from "over it"; Limits caps maxBytes below
      // the largest array, so the sum cannot overflow.
      byte[] start = in.readNBytes((int) Math.min(START_BYTES, limits.maxBytes() + 1));
      // The start first: binary data (/dev/zero) is refused before the rest is buffered.
      checkStart(start, start.length);
      byte[] rest = in.readNBytes((int) (limits.maxBytes() + 1 - start.length));
      byte[] bytes = rest.length == 0 ? start : concat(start, rest);
      if (bytes.length > limits.maxBytes()) {
        throw tooLarge(-1);
      }
      return bytes;
    } catch (IOException e) {
      throw new UnreadableInputException("io", "", "cannot read the input: " + e.getMessage());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private UnreadableInputException tooLarge(long size) {
    String what = size < 0 ? "the input is" : "it is " + size + " bytes,";
    return new UnreadableInputException(
        "size",
        "",
        what + " larger than the limit of " + limits.maxBytes() + " bytes (raise it with --max-file-size)");
  }

  /** A plain streaming parser over {@code bytes} with these limits (no duplicate detection). */
  JsonParser streamingParser(byte[] bytes) throws IOException {
    return streaming.createParser(bytes);
  }

  /** Parses exactly one JSON document (any JSON value) from {@code bytes}. */
  public JsonNode parse(byte[] bytes) throws UnreadableInputException {
    return parse(bytes, java.util.List.of(), null);
  }

  /**
   * Parses exactly one JSON document like {@link #parse(byte[])}, with the same checks and
   * messages, but hands the items of the array at {@code arrayPath} (property names from the
   * root, e.g. {@code [log, entries]}) to {@code sink} one at a time instead of keeping them: the
   * returned tree holds an empty array there. Items are handed over as they are read, so when
   * the document turns out broken further on, some items have been seen already.
   */
  public JsonNode parse(byte[] bytes, java.util.List<String> arrayPath, JsonTrees.ItemSink sink)
      throws UnreadableInputException {
    if (bytes.length > limits.maxBytes()) {
      throw tooLarge(bytes.length);
    }
    checkText(bytes);
    try (JsonParser parser = factory.createParser(bytes)) {
      return parseOne(parser, arrayPath, sink);
    } catch (IOException e) {
      throw new UnreadableInputException("json", "", "cannot read JSON: " + e.getMessage());
    }
  }

  private JsonNode parseOne(JsonParser parser, java.util.List<String> arrayPath, JsonTrees.ItemSink sink)
      throws IOException, UnreadableInputException {
    JsonNode node;
    try {
      node = JsonTrees.read(parser, arrayPath, sink);
      if (node == null || node.isMissingNode()) {
        throw new UnreadableInputException("empty", "", "no JSON document: the input holds only whitespace");
      }
      JsonToken next;
      try {
        next = parser.nextToken();
      } catch (JsonParseException e) {
        JsonLocation at = e.getLocation();
        throw new UnreadableInputException(
            "trailing", "",
            "trailing content after the JSON document"
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + "; a file must hold exactly one JSON document");
      }
      if (next != null) {
        JsonLocation at = parser.currentTokenLocation();
        boolean document = next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY;
        throw new UnreadableInputException(
            "trailing",
            "",
            (document ? "a second JSON document" : "trailing content after the JSON document")
                + " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + "; a file must hold exactly one JSON document");
      }
      return node;
    } catch (StreamConstraintsException e) {
      String pointer = pointerOf(parser);
      String m = e.getOriginalMessage();
      if (m.contains("nesting depth") || m.contains("Nesting depth")) {
        // The pointer of a too-deep value is itself huge: the message shows its start instead.
        throw new UnreadableInputException(
            "depth", "",
            "nested deeper than the limit of " + limits.maxDepth() + " levels of arrays and objects (at "
                + shorten(pointer) + ")");
      }
      if (m.contains("String value length")) {
        throw new UnreadableInputException(
            "length", shorten(pointer),
            "a string value longer than the limit of " + limits.maxStringLength() + " characters");
      }
      if (m.contains("Number value length")) {
        throw new UnreadableInputException("length", shorten(pointer), "a number longer than 1000 digits");
      }
      if (m.contains("Document length")) {
        throw new UnreadableInputException(
            "size", "", "the document is larger than the limit of " + limits.maxBytes() + " bytes");
      }
      throw new UnreadableInputException("limit", shorten(pointer), m);
    } catch (JsonEOFException e) {
      throw new UnreadableInputException(
          "truncated", shorten(pointerOf(parser)),
          "truncated JSON: the input ends at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + " before the document is complete");
    } catch (JsonParseException e) {
      String m = e.getOriginalMessage();
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      if (m.startsWith("Duplicate field")) {
        String name = m.substring(m.indexOf('\'') + 1, m.lastIndexOf('\''));
        throw new UnreadableInputException(
            "duplicate", shorten(pointerOf(parser)),
            "duplicate key \"" + name + "\"" + where + "; JSON objects must not repeat a key");
      }
      String pointer = pointerOf(parser);
      throw new UnreadableInputException("syntax", shorten(pointer),
          "malformed JSON" + where + ": " + withoutSecrets(firstLine(m), pointer));
    } catch (JsonProcessingException e) {
      String pointer = pointerOf(parser);
      throw new UnreadableInputException("json", shorten(pointer),
          "cannot read JSON: " + withoutSecrets(firstLine(e.getOriginalMessage()), pointer));
    }
  }

  /** Jackson quotes the input it stumbled on ('...'): hidden where it is a secret value. */
  private String withoutSecrets(String message, String pointer) {
    String name = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    String m = secrets.isSecretProperty(name) ? QUOTED_INPUT.matcher(message).replaceAll("'(value hidden: secret)'") : message;
    return secrets.maskText(m, "***");
  }

  private static String pointerOf(JsonParser parser) {
    try {
      return parser.getParsingContext().pathAsPointer().toString();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String shorten(String pointer) {
    return pointer.length() <= POINTER_SHOWN ? pointer : pointer.substring(0, POINTER_SHOWN) + "...";
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /**
   * The fast path's cheaper version of {@link #checkText}: true when the bytes are surely fit for
   * Jackson's parser to judge. Control characters need no scan here (the parser rejects them in
   * and outside strings); only the start (byte-order marks, the zero bytes Jackson would take for
   * UTF-16/32) and non-ASCII bytes (whose UTF-8 validity the parser does not fully check) are
   * looked at, eight bytes per step. Anything doubtful answers false: the full path words it.
   */
  static boolean plainText(byte[] b) {
    int n = b.length;
    if (n < 2 || b[0] == 0 || b[1] == 0 || (b[0] & 0xFF) == 0xEF || (b[0] & 0xFF) >= 0xFE) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) {
        return validUtf8(b);
      }
    }
    for (; i < n; i++) {
      if (b[i] < 0) {
        return validUtf8(b);
      }
    }
    return true;
  }

  private static boolean validUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Rejects what is not UTF-8 JSON text before the parser sees it, with a message for each
   * case (Jackson would guess UTF-16/32 from zero bytes and report something less useful).
   */
  static void checkText(byte[] b) throws UnreadableInputException {
    if (b.length == 0) {
      throw new UnreadableInputException("empty", "", "empty input: 0 bytes, no JSON document");
    }
    boolean ascii = checkStart(b, b.length);
    if (!ascii) {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(b);
      try {
        decoder.decode(in);
      } catch (CharacterCodingException e) {
        int at = in.position();
        throw new UnreadableInputException(
            "encoding", "",
            String.format("not UTF-8: invalid byte 0x%02X at offset %d (JSON must be UTF-8)",
                b[Math.min(at, b.length - 1)] & 0xFF, at));
      }
    }
  }

  /** How much of an input is looked at before the rest is read: binary data is refused early. */
  static final int START_BYTES = 4096;

  /**
   * The checks of {@link #checkText} that the first {@code n} bytes alone can fail (byte-order
   * marks, control bytes), with the same messages; true when those bytes are all ASCII.
   */
  static boolean checkStart(byte[] b, int n) throws UnreadableInputException {
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      throw new UnreadableInputException(
          "encoding", "",
          "starts with a UTF-8 byte-order mark (EF BB BF); JSON text must not begin with one (RFC 8259, section 8.1)");
    }
    if (n >= 2
        && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
      throw new UnreadableInputException(
          "encoding", "", "UTF-16 text (it starts with a UTF-16 byte-order mark); JSON must be UTF-8");
    }
    boolean ascii = true;
    int i = 0;
    // Eight bytes at a time while all are 0x20-0x7F (no borrow reaches a byte's top bit then);
    // an eight with anything else is looked at byte by byte, in order.
    for (; i + 8 <= n; i += 8) {
      long x = (long) LONGS.get(b, i);
      if ((((x - 0x2020202020202020L) | x) & 0x8080808080808080L) != 0) {
        ascii &= checkBytes(b, i, i + 8);
      }
    }
    return checkBytes(b, i, n) && ascii;
  }

  /** {@link #checkStart}'s check of the bytes from {@code from} to {@code to}; true when all are ASCII. */
  private static boolean checkBytes(byte[] b, int from, int to) throws UnreadableInputException {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c < 0) {
        ascii = false;
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        throw new UnreadableInputException(
            "encoding", "",
            String.format("binary data, not JSON text: control byte 0x%02X at offset %d", c, i));
      }
    }
    return ascii;
  }

  /** Eight bytes of an array as one long (byte order does not matter to the checks above). */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
