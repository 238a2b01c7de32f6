package org.spikeprune.cli.hw;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.spikeprune.fpga.activity.ActivityLog;
import org.spikeprune.fpga.activity.SyntheticActivity;
import org.spikeprune.fpga.paper.Comparison;

/** What the hw commands share: reading activity, JSON output, comparison tables. */
final class HwOutput
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HwOutput()
    {
    }

    /**
     * The activity to time: a recorded file, or paper A's synthetic run ({@link SyntheticActivity}).
     *
     * @param file    the file, or null.
     * @param neurons excitatory neurons of the synthetic run.
     * @param quick   the short synthetic run instead of the 60,000 + 10,000-image one.
     * @return the activity.
     */
    static ActivityLog activity(final Path file, final int neurons, final boolean quick)
    {
        if (file != null)
        {
            return ActivityLog.read(file);
        }
        return SyntheticActivity.paperA(quick ? SyntheticActivity.PaperA.quick(neurons)
            : SyntheticActivity.PaperA.full(neurons));
    }

    static String describe(final Path file, final ActivityLog log, final boolean quick)
    {
        final String source = file != null ? "activity " + file
            : "synthetic paper A activity (" + (quick ? "quick: " : "") + "~2,300 input spikes per image)";
        return source + ", network " + log.shape().name() + ": " + log.images(ActivityLog.LEARNING)
            + " training and " + log.images(ActivityLog.INFERENCE) + " test images, " + log.pruneRecords()
            + " prune passes";
    }

    static void printJson(final PrintWriter out, final Object value)
    {
        try
        {
            out.println(JSON.writeValueAsString(value));
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write JSON", ex);
        }
        out.flush();
    }

    static void printComparisons(final PrintWriter out, final List<Comparison> rows)
    {
        final TextTable t = new TextTable("", "model", "paper", "note");
        for (final Comparison c : rows)
        {
            t.row(c.metric(), c.ratio() ? TextTable.percent(c.model()) : c.model(),
                c.ratio() ? TextTable.percent(c.paper()) : c.paper(), c.note());
        }
        t.print(out);
    }

    static List<Map<String, Object>> comparisonsJson(final List<Comparison> rows)
    {
        return rows.stream().map(c ->
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", c.metric());
            m.put("model", c.model());
            m.put("paper", Double.isFinite(c.paper()) ? c.paper() : null);
            m.put("ratio", c.ratio());
            m.put("note", c.note());
            return m;
        }).toList();
    }
}
