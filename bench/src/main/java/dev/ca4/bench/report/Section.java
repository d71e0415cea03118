package dev.ca4.bench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What one scenario hands back: its figures (the table rows), details worth keeping in the JSON (errors,
 * sizes, settings), and notes printed under the table (e.g. "offered rate exceeds capacity").
 */
public record Section(String name, List<Figure> figures, ObjectNode details, List<String> notes) {
}
