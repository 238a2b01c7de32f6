package org.spikeprune.cli;

import java.util.LinkedHashSet;
import java.util.List;

/** A list of seeds on the command line: comma-separated numbers and inclusive ranges {@code a-b}. */
public final class SeedList
{
    /** The most seeds one range may hold. */
    static final int MAX_RANGE = 10_000;

    private SeedList()
    {
    }

    /**
     * Parses a seed list.
     *
     * @param option the option's name, for messages ({@code --seeds}).
     * @param text   the list, or null for none.
     * @return the seeds, in the order given, without repeats.
     * @throws UsageException naming the part that is not a seed or a range.
     */
    public static List<Long> parse(final String option, final String text)
    {
        final LinkedHashSet<Long> out = new LinkedHashSet<>();
        if (text == null)
        {
            return List.of();
        }
        for (final String part : text.split(",", -1))
        {
            final String p = part.trim();
            try
            {
                final int dash = p.indexOf('-', 1);
                if (dash > 0)
                {
                    final long from = Long.parseLong(p.substring(0, dash).trim());
                    final long to = Long.parseLong(p.substring(dash + 1).trim());
                    if (to < from || to - from >= MAX_RANGE)
                    {
                        throw new UsageException(option + ": range '" + p + "' must go up and hold at most 10,000 "
                            + "seeds");
                    }
                    for (long s = from; s <= to; s++)
                    {
                        out.add(s);
                    }
                }
                else
                {
                    out.add(Long.parseLong(p));
                }
            }
            catch (final NumberFormatException ex)
            {
                throw new UsageException(option + ": '" + p + "' is not a seed or a range a-b");
            }
        }
        return List.copyOf(out);
    }
}
