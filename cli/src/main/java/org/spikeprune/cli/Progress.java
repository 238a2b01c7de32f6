package org.spikeprune.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.spikeprune.core.dc.DcTrainer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run: an updating bar (images, images/s, running accuracy, ETA) on a terminal, and a plain line
 * every few seconds otherwise (logs, CI).
 */
final class Progress implements DcTrainer.Progress, AutoCloseable
{
    private final PrintStream err;
    private final boolean terminal;
    private final String label;
    private ProgressBar bar;
    private String phase;
    private long phaseStartNs;
    private long lastLineNs;

    Progress(final PrintStream err, final String label)
    {
        this.err = err;
        this.terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        this.label = label;
    }

    @Override
    public void onProgress(final String newPhase, final long done, final long total, final double accuracy)
    {
        final long now = System.nanoTime();
        if (!newPhase.equals(phase))
        {
            closeBar();
            phase = newPhase;
            phaseStartNs = now;
            lastLineNs = now;
            if (terminal)
            {
                bar = new ProgressBarBuilder().setTaskName(label + " " + newPhase).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setUnit(" img", 1).build();
            }
        }
        final double seconds = (now - phaseStartNs) / 1e9;
        final double rate = seconds > 0 ? done / seconds : 0;
        final String acc = Double.isNaN(accuracy) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * accuracy);
        if (bar != null)
        {
            bar.stepTo(done);
            bar.setExtraMessage("acc " + acc);
        }
        else if (done == total && now == phaseStartNs)
        {
            // a phase reported only when it is over (the test accuracy after a combined evaluation pass): no rate
            err.printf(Locale.ROOT, "%s %s: %d images, accuracy %s%n", label, newPhase, done, acc);
        }
        else if (now - lastLineNs > 10_000_000_000L || done == total)
        {
            lastLineNs = now;
            final double eta = rate > 0 ? (total - done) / rate : Double.NaN;
            err.printf(Locale.ROOT, "%s %s: %d/%d images, %.0f images/s, accuracy %s, ETA %s%n", label, newPhase,
                done, total, rate, acc, Double.isNaN(eta) ? "-" : String.format(Locale.ROOT, "%.0fs", eta));
        }
    }

    private void closeBar()
    {
        if (bar != null)
        {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close()
    {
        closeBar();
    }
}
