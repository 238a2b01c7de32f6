package org.spikeprune.cli.hw;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
final class TextTable
{
    /** Header of a column printed left-aligned, like the first. */
    static final String LEFT = "note";

    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    TextTable(final String... header)
    {
        this.header = header;
    }

    TextTable row(final Object... cells)
    {
        final String[] r = new String[header.length];
        for (int i = 0; i < r.length; i++)
        {
            r[i] = i < cells.length ? text(cells[i]) : "";
        }
        rows.add(r);
        return this;
    }

    void print(final PrintWriter out)
    {
        final int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++)
        {
            width[i] = header[i].length();
            for (final String[] r : rows)
            {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        line(out, header, width);
        final StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++)
        {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (final String[] r : rows)
        {
            line(out, r, width);
        }
    }

    private String header(final int i)
    {
        return header[i];
    }

    private void line(final PrintWriter out, final String[] cells, final int[] width)
    {
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++)
        {
            if (i == 0 || LEFT.equals(header(i)))
            {
                b.append(i == 0 ? "" : "  ").append(cells[i]).append(" ".repeat(width[i] - cells[i].length()));
            }
            else
            {
                b.append("  ").append(" ".repeat(width[i] - cells[i].length())).append(cells[i]);
            }
        }
        out.println(b.toString().stripTrailing());
    }

    /** Formats a number for a table: integers with separators, others with 4 significant digits. */
    static String text(final Object v)
    {
        if (v instanceof Double d)
        {
            if (!Double.isFinite(d))
            {
                return "-";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15)
            {
                return String.format(Locale.ROOT, "%,d", d.longValue());
            }
            final double a = Math.abs(d);
            if (a >= 1000)
            {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            return a >= 1 ? String.format(Locale.ROOT, "%.3g", d) : String.format(Locale.ROOT, "%.3g", d);
        }
        if (v instanceof Long || v instanceof Integer)
        {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        return String.valueOf(v);
    }

    static String percent(final double fraction)
    {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.3g%%", 100 * fraction) : "-";
    }
}
