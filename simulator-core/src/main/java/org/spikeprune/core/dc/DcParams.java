package org.spikeprune.core.dc;

import java.util.List;
import java.util.Locale;

import org.spikeprune.core.InputException;
import org.spikeprune.core.config.ParamSpec;
import org.spikeprune.core.config.ParamSpec.Rule;
import org.spikeprune.core.config.Params;

/**
 * Every parameter of the Diehl &amp; Cook two-layer network (paper A's base model), with its source. Defaults are
 * the original Diehl &amp; Cook code's values (MODEL-REFERENCE §1); the {@code guo2020} profiles overlay paper A
 * Table 1 (MODEL-REFERENCE §1.10, §7.2–7.3).
 */
public final class DcParams
{
    /** Every key, its default and rule. */
    public static final List<ParamSpec> SPECS = List.of(
        spec("data.set", "mnist", Rule.TEXT, "mnist or fashion-mnist"),
        spec("network.exc_neurons", "400", Rule.POSITIVE_INT, "excitatory (and inhibitory) neurons [DC main]"),
        spec("sim.dt_ms", "0.5", Rule.POSITIVE, "time step [DC main line 213]"),
        spec("exc.tau_m_ms", "100", Rule.POSITIVE, "membrane time constant [DC]"),
        spec("exc.v_rest_mv", "-65", Rule.FINITE, "resting potential [DC]; guo2020: -60 [A Table 1]"),
        spec("exc.v_reset_mv", "-65", Rule.FINITE, "reset potential [DC]; guo2020: -60 [A Table 1]"),
        spec("exc.v_thresh_mv", "-52", Rule.FINITE, "base threshold (plus theta) [DC]; guo2020: -50 [A]"),
        spec("exc.v_init_mv", "-105", Rule.FINITE, "initial potential, v_rest - 40 [DC main 366]"),
        spec("exc.refractory_ms", "5", Rule.NON_NEGATIVE, "refractory period [DC]"),
        spec("exc.e_exc_mv", "0", Rule.FINITE, "excitatory reversal potential [DC]"),
        spec("exc.e_inh_mv", "-100", Rule.FINITE, "inhibitory reversal potential [DC]"),
        spec("exc.tau_ge_ms", "1", Rule.POSITIVE, "excitatory conductance time constant [DC]"),
        spec("exc.tau_gi_ms", "2", Rule.POSITIVE, "inhibitory conductance time constant [DC]"),
        spec("exc.theta_plus_mv", "0.05", Rule.NON_NEGATIVE, "adaptive threshold increment [DC]; guo2020 0.01 [A]"),
        spec("exc.tau_theta_ms", "1e7", Rule.POSITIVE, "adaptive threshold decay [DC]"),
        spec("inh.tau_m_ms", "10", Rule.POSITIVE, "[DC]"),
        spec("inh.v_rest_mv", "-60", Rule.FINITE, "[DC]"),
        spec("inh.v_reset_mv", "-45", Rule.FINITE, "[DC]"),
        spec("inh.v_thresh_mv", "-40", Rule.FINITE, "[DC]"),
        spec("inh.v_init_mv", "-100", Rule.FINITE, "v_rest - 40 [DC main 367]"),
        spec("inh.refractory_ms", "2", Rule.NON_NEGATIVE, "[DC]"),
        spec("inh.e_exc_mv", "0", Rule.FINITE, "[DC]"),
        spec("inh.e_inh_mv", "-85", Rule.FINITE, "[DC]"),
        spec("inh.tau_ge_ms", "1", Rule.POSITIVE, "[DC]"),
        spec("inh.tau_gi_ms", "2", Rule.POSITIVE, "[DC]"),
        spec("syn.w_ei", "10.4", Rule.NON_NEGATIVE, "excitatory -> inhibitory one-to-one weight [DC gen]"),
        spec("syn.w_ie", "17.0", Rule.NON_NEGATIVE, "inhibitory -> excitatory all-but-self weight [DC gen]"),
        spec("syn.delay_max_ms", "10", Rule.NON_NEGATIVE, "input -> excitatory delays uniform in [0, max) [DC]"),
        spec("syn.w_init_scale", "0.3", Rule.NON_NEGATIVE, "initial weight (U[0,1) + offset) * scale [DC gen]"),
        spec("syn.w_init_offset", "0.01", Rule.NON_NEGATIVE, "[DC gen]"),
        spec("stdp.tau_pre_ms", "20", Rule.POSITIVE, "pre trace x [DC]; guo2020 8 [A]"),
        spec("stdp.tau_post1_ms", "20", Rule.POSITIVE, "fast post trace y1 [DC]; guo2020 16 [A]"),
        spec("stdp.tau_post2_ms", "40", Rule.POSITIVE, "slow post trace y2 [DC]; guo2020 32 [A]"),
        spec("stdp.nu_pre", "0.0001", Rule.NON_NEGATIVE, "depression rate on a pre spike [DC, A]"),
        spec("stdp.nu_post", "0.01", Rule.NON_NEGATIVE, "potentiation rate on a post spike [DC, A]"),
        spec("stdp.w_max", "1.0", Rule.POSITIVE, "maximum weight [DC]"),
        spec("norm.total", "78", Rule.POSITIVE, "per-neuron weight sum before every training image [DC]"),
        spec("norm.kind", "l1", Rule.TEXT,
            "what norm.total measures: l1, the sum of a neuron's weights [DC]; l2, the square root of the sum of "
                + "their squares (each neuron's input drive then ranks images by their cosine with its weights)"),
        spec("norm.mode", "unpruned", Rule.TEXT,
            "unpruned: live weights sum to norm.total; proportional: to norm.total * live fraction; "
                + "retained: to norm.total * the share of the weight mass that survived each prune pass; none"),
        spec("input.intensity", "2", Rule.POSITIVE, "rate = pixel / 8 * intensity Hz, i.e. pixel/4 [DC]"),
        spec("input.min_spikes", "5", Rule.NON_NEGATIVE_INT, "re-present brighter while fewer spikes [DC]"),
        spec("input.max_repeats", "20", Rule.NON_NEGATIVE_INT, "cap on re-presentations of one image"),
        spec("input.present_ms", "350", Rule.POSITIVE, "presentation [DC]"),
        spec("input.rest_ms", "150", Rule.NON_NEGATIVE, "rest between presentations [DC]"),
        spec("train.epochs", "1", Rule.POSITIVE_INT, "passes over the training images [A: one epoch]"),
        spec("assign.images", "0", Rule.NON_NEGATIVE_INT,
            "training images presented (learning off) to assign labels; 0 = all the training images"),
        spec("quiescent.g_eps", "1e-9", Rule.POSITIVE, "conductance below which a neuron is at rest"),
        spec("neuron.integration", "euler", Rule.TEXT,
            "membrane step: euler (forward, as Brian 1 [DC]) or implicit (backward Euler: stable however large "
                + "the conductances, e.g. when tens of inhibitory neurons fire in one step)"));

    final int excNeurons;
    final double dtMs;
    final double excTauM;
    final double excVRest;
    final double excVReset;
    final double excVThresh;
    final double excVInit;
    final int excRefractoryTicks;
    final double excEExc;
    final double excEInh;
    final double excTauGe;
    final double excTauGi;
    final double thetaPlus;
    final double tauTheta;
    final double inhTauM;
    final double inhVRest;
    final double inhVReset;
    final double inhVThresh;
    final double inhVInit;
    final int inhRefractoryTicks;
    final double inhEExc;
    final double inhEInh;
    final double inhTauGe;
    final double inhTauGi;
    final double wEi;
    final double wIe;
    final int delayTicks;
    final double wInitScale;
    final double wInitOffset;
    final double tauPre;
    final double tauPost1;
    final double tauPost2;
    final double nuPre;
    final double nuPost;
    final double wMax;
    final double normTotal;
    final NormMode normMode;
    /** {@code norm.kind=l2}: norm.total is the Euclidean norm of a neuron's weights, not their sum. */
    final boolean normL2;
    /** Backward (implicit) Euler membrane steps instead of forward Euler. */
    final boolean implicit;
    final double intensity;
    final int minSpikes;
    final int maxRepeats;
    final int presentTicks;
    final int restTicks;
    final int epochs;
    final long assignImages;
    final double gEps;
    final String dataSet;

    /** How per-neuron weight normalisation treats pruned weights (MODEL-REFERENCE §7.4). */
    public enum NormMode
    {
        /** The live weights of a neuron are scaled to sum to {@code norm.total}. */
        UNPRUNED,
        /** The live weights are scaled to sum to {@code norm.total} times the neuron's live fraction. */
        PROPORTIONAL,
        /**
         * The live weights are scaled to sum to {@code norm.total} times the share of the neuron's weight mass that
         * survived the prune passes so far: pruning removes the pruned weights' drive instead of moving it to the
         * survivors.
         */
        RETAINED,
        /** No normalisation. */
        NONE
    }

    /**
     * Reads and cross-checks the network parameters.
     *
     * @param p the validated parameter set.
     * @throws InputException for a value that breaks a cross-field rule (v_th ≤ v_rest, …).
     */
    public DcParams(final Params p)
    {
        dataSet = p.text("data.set");
        if (!dataSet.equals("mnist") && !dataSet.equals("fashion-mnist"))
        {
            throw new InputException("data.set=" + dataSet + " is invalid: must be mnist or fashion-mnist");
        }
        excNeurons = intOf(p, "network.exc_neurons");
        rule(excNeurons <= MAX_NEURONS, "network.exc_neurons", excNeurons, "at most " + MAX_NEURONS);
        dtMs = p.real("sim.dt_ms");
        rule(dtMs >= 1e-6, "sim.dt_ms", dtMs, "must be at least 1e-6 ms");
        excTauM = p.real("exc.tau_m_ms");
        excVRest = p.real("exc.v_rest_mv");
        excVReset = p.real("exc.v_reset_mv");
        excVThresh = p.real("exc.v_thresh_mv");
        excVInit = p.real("exc.v_init_mv");
        excRefractoryTicks = ticks(p, "exc.refractory_ms");
        excEExc = p.real("exc.e_exc_mv");
        excEInh = p.real("exc.e_inh_mv");
        excTauGe = p.real("exc.tau_ge_ms");
        excTauGi = p.real("exc.tau_gi_ms");
        thetaPlus = p.real("exc.theta_plus_mv");
        tauTheta = p.real("exc.tau_theta_ms");
        inhTauM = p.real("inh.tau_m_ms");
        inhVRest = p.real("inh.v_rest_mv");
        inhVReset = p.real("inh.v_reset_mv");
        inhVThresh = p.real("inh.v_thresh_mv");
        inhVInit = p.real("inh.v_init_mv");
        inhRefractoryTicks = ticks(p, "inh.refractory_ms");
        inhEExc = p.real("inh.e_exc_mv");
        inhEInh = p.real("inh.e_inh_mv");
        inhTauGe = p.real("inh.tau_ge_ms");
        inhTauGi = p.real("inh.tau_gi_ms");
        wEi = p.real("syn.w_ei");
        wIe = p.real("syn.w_ie");
        delayTicks = Math.max(1, ticks(p, "syn.delay_max_ms"));
        wInitScale = p.real("syn.w_init_scale");
        wInitOffset = p.real("syn.w_init_offset");
        tauPre = p.real("stdp.tau_pre_ms");
        tauPost1 = p.real("stdp.tau_post1_ms");
        tauPost2 = p.real("stdp.tau_post2_ms");
        nuPre = p.real("stdp.nu_pre");
        nuPost = p.real("stdp.nu_post");
        wMax = p.real("stdp.w_max");
        normTotal = p.real("norm.total");
        normMode = normMode(p.text("norm.mode"));
        normL2 = normL2(p.text("norm.kind"));
        implicit = implicit(p.text("neuron.integration"));
        intensity = p.real("input.intensity");
        minSpikes = intOf(p, "input.min_spikes");
        maxRepeats = intOf(p, "input.max_repeats");
        presentTicks = Math.max(1, ticks(p, "input.present_ms"));
        restTicks = ticks(p, "input.rest_ms");
        epochs = intOf(p, "train.epochs");
        assignImages = p.integer("assign.images");
        gEps = p.real("quiescent.g_eps");

        rule(excVThresh > excVRest, "exc.v_thresh_mv", excVThresh, "must be > exc.v_rest_mv (" + excVRest + ")");
        rule(inhVThresh > inhVRest, "inh.v_thresh_mv", inhVThresh, "must be > inh.v_rest_mv (" + inhVRest + ")");
        rule(excVReset < excVThresh, "exc.v_reset_mv", excVReset, "must be < exc.v_thresh_mv");
        rule(inhVReset < inhVThresh, "inh.v_reset_mv", inhVReset, "must be < inh.v_thresh_mv");
        rule(dtMs < excTauM && dtMs < inhTauM, "sim.dt_ms", dtMs, "must be below every membrane time constant");
        rule(dtMs <= excTauGe && dtMs <= excTauGi && dtMs <= inhTauGe && dtMs <= inhTauGi, "sim.dt_ms", dtMs,
            "must not exceed a conductance time constant (Euler would oscillate)");
        rule(wInitScale * (1 + wInitOffset) <= wMax, "syn.w_init_scale", wInitScale,
            "initial weights must stay <= stdp.w_max");
        rule(delayTicks <= 256, "syn.delay_max_ms", p.real("syn.delay_max_ms"), "must be at most 256 time steps");
        if (normL2)
        {
            rule(normTotal <= wMax * 28, "norm.total", normTotal,
                "cannot exceed stdp.w_max times the square root of the inputs (28) with norm.kind=l2");
        }
        else
        {
            rule(normTotal <= wMax * 784, "norm.total", normTotal, "cannot exceed stdp.w_max times the inputs");
        }
    }

    /** The most time steps one duration may span (a presentation of 50,000 s at the default step). */
    static final long MAX_TICKS = 100_000_000L;
    /** The most excitatory neurons of a network (784 weights each). */
    static final int MAX_NEURONS = 100_000;

    private int ticks(final Params p, final String key)
    {
        final double ms = p.real(key);
        final double t = Math.rint(ms / dtMs);
        if (!(t <= MAX_TICKS))
        {
            throw new InputException(key + "=" + ms + " is invalid: spans " + (Double.isFinite(t) ? String.format(
                Locale.ROOT, "%.3g", t) : "too many") + " time steps of sim.dt_ms=" + dtMs + ", at most " + MAX_TICKS);
        }
        return (int)t;
    }

    private static int intOf(final Params p, final String key)
    {
        final long v = p.integer(key);
        if (v > Integer.MAX_VALUE)
        {
            throw new InputException(key + "=" + v + " is invalid: too large");
        }
        return (int)v;
    }

    private static boolean implicit(final String text)
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "euler":
                return false;
            case "implicit":
                return true;
            default:
                throw new InputException("neuron.integration=" + text + " is invalid: must be euler or implicit");
        }
    }

    private static boolean normL2(final String text)
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "l1":
                return false;
            case "l2":
                return true;
            default:
                throw new InputException("norm.kind=" + text + " is invalid: must be l1 or l2");
        }
    }

    private static NormMode normMode(final String text)
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "unpruned":
                return NormMode.UNPRUNED;
            case "proportional":
                return NormMode.PROPORTIONAL;
            case "retained":
                return NormMode.RETAINED;
            case "none":
            case "off":
                return NormMode.NONE;
            default:
                throw new InputException("norm.mode=" + text + " is invalid: must be unpruned, proportional, retained or none");
        }
    }

    private static void rule(final boolean ok, final String key, final double value, final String why)
    {
        if (!ok)
        {
            throw new InputException(key + "=" + value + " is invalid: " + why);
        }
    }

    private static ParamSpec spec(final String key, final String def, final Rule rule, final String description)
    {
        return new ParamSpec(key, def, rule, description);
    }

    /** Excitatory neurons. */
    public int excNeurons()
    {
        return excNeurons;
    }

    /** Ticks of one presentation. */
    public int presentTicks()
    {
        return presentTicks;
    }

    /** Ticks of the rest after a presentation. */
    public int restTicks()
    {
        return restTicks;
    }

    /** Maximum weight. */
    public double wMax()
    {
        return wMax;
    }

    /**
     * The largest weight a synapse of this network may hold: w_max, or max(w_max, norm.total) when the weights are
     * normalised (STDP clips at w_max, but the normalisation scales a neuron's weights up to its total without
     * clipping, as Diehl &amp; Cook's code does).
     */
    public double maxStoredWeight()
    {
        return normMode == NormMode.NONE ? wMax : Math.max(wMax, normTotal);
    }

    /** Synaptic delays are in [0, this) ticks. */
    public int delayTicks()
    {
        return delayTicks;
    }

    /** The data set name. */
    public String dataSet()
    {
        return dataSet;
    }

    /** Epochs over the training images. */
    public int epochs()
    {
        return epochs;
    }

    /** Training images presented with learning off to assign labels (0 = all). */
    public long assignImages()
    {
        return assignImages;
    }

    /** Time step in ms. */
    public double dtMs()
    {
        return dtMs;
    }
}
