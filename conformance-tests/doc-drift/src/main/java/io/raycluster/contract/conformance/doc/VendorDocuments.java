package io.raycluster.contract.conformance.doc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what diff-doc compares with the spec, telling the kinds apart by content (never by the
 * file's name): the vendor's API metadata (a JSON document, {@code api-docs.json}), a reference
 * page saved as HTML (rendered to its text with {@link HtmlPageText}, then read as a text copy
 * is, its line numbers pointing into the HTML), or a page saved as text.
 */
public final class VendorDocuments {
  /** A saved page is some 30 KiB and the metadata of a product some 100 KiB; anything this large is neither. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private VendorDocuments() {}

  /** Reads a file; one that cannot be read at all is reported as unreadable too. */
  public static VendorDocument read(Path file) throws UnreadablePageException {
    return parse(text(file), file.toString());
  }

  /** Reads a document's text; {@code source} names it in messages. */
  public static VendorDocument parse(String text, String source) throws UnreadablePageException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.stripLeading().startsWith("{")) {
      return ApiMetadata.parse(body, source);
    }
    if (isWebArchive(body)) {
      throw new UnreadablePageException(source, List.of("it is a web archive (MHTML), not HTML; save the page "
          + "as 'Webpage, HTML only' or 'Webpage, Complete', or as text"));
    }
    if (HtmlPageText.isHtml(body)) {
      HtmlPageText.Rendered rendered = HtmlPageText.render(body);
      return ReferencePageParser.parse(rendered.text(), source).withLines(rendered::sourceLine);
    }
    return ReferencePageParser.parse(text, source);
  }

  private static boolean isWebArchive(String text) {
    String head = text.substring(0, Math.min(text.length(), 2048));
    return head.startsWith("From: <Saved by ") || (head.contains("MIME-Version:") && head.contains("multipart/related"));
  }

  /** The file's text: it must exist, be a regular file, not be huge, and be UTF-8. */
  static String text(Path file) throws UnreadablePageException {
    String source = file.toString();
    if (!Files.exists(file)) {
      throw new UnreadablePageException(source, List.of("the file does not exist"));
    }
    if (!Files.isRegularFile(file)) {
      throw new UnreadablePageException(source, List.of("it is not a regular file"));
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UnreadablePageException(source, List.of("it is larger than "
            + MAX_BYTES / (1024 * 1024) + " MiB, far more than a reference page or the API metadata"));
      }
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadablePageException(source, List.of("it is not UTF-8 text"));
    } catch (IOException e) {
      throw new UnreadablePageException(source, List.of("it cannot be read (" + e.getMessage() + ")"));
    }
  }
}
