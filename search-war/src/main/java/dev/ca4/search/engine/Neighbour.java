package dev.ca4.search.engine;

import dev.ca4.search.catalog.Entry;

/** One answer of a query: the indexed event and its cosine similarity to the query. */
public record Neighbour(Entry entry, double cosine) {
}
