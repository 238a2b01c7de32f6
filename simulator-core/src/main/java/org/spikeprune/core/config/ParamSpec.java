package org.spikeprune.core.config;

import java.util.Locale;

import org.spikeprune.core.InputException;

/**
 * One configurable parameter: its key, default, the rule its value must obey and what it means.
 *
 * @param key         dotted key, e.g. {@code exc.tau_m_ms}.
 * @param defaultValue default as text.
 * @param rule        the validation rule.
 * @param description one line, with the source of the default.
 */
public record ParamSpec(String key, String defaultValue, Rule rule, String description)
{
    /** What a value must satisfy. */
    public enum Rule
    {
        /** A finite number. */
        FINITE("a finite number"),
        /** A finite number &gt; 0. */
        POSITIVE("a finite number > 0"),
        /** A finite number &ge; 0. */
        NON_NEGATIVE("a finite number >= 0"),
        /** A whole number &gt; 0. */
        POSITIVE_INT("a whole number > 0"),
        /** A whole number &ge; 0. */
        NON_NEGATIVE_INT("a whole number >= 0"),
        /** true or false. */
        BOOLEAN("true or false"),
        /** Any text (checked by its user). */
        TEXT("text");

        private final String text;

        Rule(final String text)
        {
            this.text = text;
        }

        /** How the rule reads in an error message. */
        public String text()
        {
            return text;
        }
    }

    /**
     * Checks a value against the rule.
     *
     * @param value  the value as text.
     * @param origin where it came from (for the message), e.g. "--set" or a file name.
     * @throws InputException naming the key, the value and the rule.
     */
    public void check(final String value, final String origin)
    {
        final String v = value.trim();
        switch (rule)
        {
            case TEXT:
                return;
            case BOOLEAN:
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false"))
                {
                    throw bad(value, origin);
                }
                return;
            case POSITIVE_INT:
            case NON_NEGATIVE_INT:
                final long l;
                try
                {
                    l = Long.parseLong(v.replace("_", ""));
                }
                catch (final NumberFormatException ex)
                {
                    throw bad(value, origin);
                }
                if (rule == Rule.POSITIVE_INT ? l <= 0 : l < 0)
                {
                    throw bad(value, origin);
                }
                return;
            default:
                final double d;
                try
                {
                    d = Double.parseDouble(v);
                }
                catch (final NumberFormatException ex)
                {
                    throw bad(value, origin);
                }
                if (!Double.isFinite(d) || (rule == Rule.POSITIVE && d <= 0) || (rule == Rule.NON_NEGATIVE && d < 0))
                {
                    throw bad(value, origin);
                }
        }
    }

    private InputException bad(final String value, final String origin)
    {
        return new InputException(String.format(Locale.ROOT, "%s: %s=%s is invalid: must be %s",
            origin, key, value, rule.text()));
    }
}
