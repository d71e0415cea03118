package dev.ca4.search.index;

/** One neighbour: the vector's ordinal in the index and its cosine similarity to the query (-1..1). */
public record Hit(int ordinal, float cosine) {
}
