package io.raycluster.contract.conformance.doc;

/**
 * What the vendor publishes about an API, as diff-doc reads it: a reference page (saved as text
 * or as HTML) or the machine-readable API metadata. {@link VendorDocuments#read} tells them apart
 * by their content.
 */
public sealed interface VendorDocument permits ReferencePage, ApiMetadata {
  /** The file name, as given, for messages. */
  String source();
}
