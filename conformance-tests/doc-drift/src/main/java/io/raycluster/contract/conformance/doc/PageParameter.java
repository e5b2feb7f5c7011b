package io.raycluster.contract.conformance.doc;

/**
 * One row of a request parameter table of the page (path or query parameters).
 *
 * @param name the parameter's name
 * @param type its type as the page writes it
 * @param required the page's Required column
 * @param line the 1-based line of the row in the page
 */
public record PageParameter(String name, String type, boolean required, int line) {}
