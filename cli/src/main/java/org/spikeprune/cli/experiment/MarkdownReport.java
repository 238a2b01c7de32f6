package org.spikeprune.cli.experiment;

import java.util.List;
import java.util.Locale;

/** A Markdown report under construction. */
final class MarkdownReport
{
    private final StringBuilder sb = new StringBuilder();

    /**
     * A heading.
     *
     * @param level 1 for the title, 2 for sections.
     * @param text  the heading.
     * @return this report.
     */
    MarkdownReport heading(final int level, final String text)
    {
        if (sb.length() > 0)
        {
            sb.append('\n');
        }
        sb.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    /**
     * A paragraph.
     *
     * @param text the text.
     * @return this report.
     */
    MarkdownReport paragraph(final String text)
    {
        sb.append(text).append("\n\n");
        return this;
    }

    /**
     * A bullet list item.
     *
     * @param text the text.
     * @return this report.
     */
    MarkdownReport bullet(final String text)
    {
        sb.append("- ").append(text).append('\n');
        return this;
    }

    /** Ends a bullet list. */
    MarkdownReport endList()
    {
        sb.append('\n');
        return this;
    }

    /**
     * A code block.
     *
     * @param text the code.
     * @return this report.
     */
    MarkdownReport code(final String text)
    {
        sb.append("```\n").append(text).append("\n```\n\n");
        return this;
    }

    /**
     * A table.
     *
     * @param header the column titles.
     * @param rows   the cells, row by row.
     * @return this report.
     */
    MarkdownReport table(final List<String> header, final List<List<String>> rows)
    {
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++)
        {
            sb.append("---|");
        }
        sb.append('\n');
        for (final List<String> row : rows)
        {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        sb.append('\n');
        return this;
    }

    /**
     * An image.
     *
     * @param alt  the alternative text.
     * @param file the file, relative to the report.
     * @return this report.
     */
    MarkdownReport image(final String alt, final String file)
    {
        sb.append("![").append(alt).append("](").append(file).append(")\n\n");
        return this;
    }

    /** The Markdown text. */
    String text()
    {
        return sb.toString();
    }

    /**
     * A fraction as a percentage with two decimals, or {@code –} for NaN.
     *
     * @param fraction the fraction.
     * @return e.g. {@code 6.73%}.
     */
    static String pct(final double fraction)
    {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /**
     * A fraction as a whole percentage, or {@code –} for NaN.
     *
     * @param fraction the fraction.
     * @return e.g. {@code 30%}.
     */
    static String pct0(final double fraction)
    {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /**
     * A number with a format, or {@code –} for NaN.
     *
     * @param format the format.
     * @param value  the number.
     * @return the text.
     */
    static String num(final String format, final double value)
    {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
