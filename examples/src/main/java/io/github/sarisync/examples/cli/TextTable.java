package io.github.sarisync.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, a rule, the rows; numeric columns right-aligned. Cells are
 * cut at {@link #MAX_CELL} characters so that one long error message cannot stretch every line.
 */
final class TextTable {
    static final int MAX_CELL = 100;

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> headers, boolean[] rightAligned) {
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    /** Columns named; a name ending in {@code >} is right-aligned (the {@code >} is not shown). */
    static TextTable of(String... columns) {
        List<String> names = new ArrayList<>();
        boolean[] right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].endsWith(">");
            names.add(right[i] ? columns[i].substring(0, columns[i].length() - 1) : columns[i]);
        }
        return new TextTable(List.copyOf(names), right);
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            String text = cell == null ? "" : cell.toString().replace('\n', ' ').replace('\r', ' ');
            row.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headers, widths));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.flush();
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append("  ");
            }
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            b.append(rightAligned[i] ? pad + cell : cell + pad);
        }
        return b.toString().stripTrailing();
    }
}
