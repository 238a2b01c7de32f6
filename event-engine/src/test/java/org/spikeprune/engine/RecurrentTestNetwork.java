package org.spikeprune.engine;

import java.util.SplittableRandom;

/**
 * A randomly wired recurrent network of integer leaky integrate-and-fire neurons, the fixture of the
 * determinism test. External input channels fire at random during "presentations" and stay silent during
 * "rests" (the shape of one image followed by the rest between images); neurons excite and inhibit each other
 * through random sparse synapses with a delay of one tick (the Controller feeds tick {@code t}'s output back at
 * {@code t + 1}).
 *
 * <p>Presynaptic ids: input channels are {@code [0, inputs)}, neuron {@code j} is {@code inputs + j}. The
 * synapses are drawn once, globally, from the "weights" stream and the input spikes from the "input" stream, so
 * the numbers never depend on how the neurons are partitioned. Core {@code c} owns a contiguous range of
 * neurons and every synapse onto them. All arithmetic is integer, so the order in which one tick's synaptic
 * events are summed cannot change a result either.
 */
final class RecurrentTestNetwork
{
    static final int NEURONS = 1_000;
    static final int INPUTS = 200;
    static final int INPUT_SYNAPSES_PER_NEURON = 10;
    static final int RECURRENT_SYNAPSES_PER_NEURON = 40;
    static final int PRESENTATION_TICKS = 350;
    static final int REST_TICKS = 150;
    static final int CYCLE_TICKS = PRESENTATION_TICKS + REST_TICKS;
    static final int THRESHOLD = 1_000;
    static final int REFRACTORY_TICKS = 2;

    private final int[] synapsePre;
    private final int[] synapsePost;
    private final int[] synapseWeight;
    private final int[][] inputRates;
    private final long seed;

    /**
     * Draws the network for {@code seed}.
     *
     * @param seed the run's seed.
     */
    RecurrentTestNetwork(final long seed)
    {
        this.seed = seed;
        final SplittableRandom weights = new RandomStreams(seed).stream("weights");
        final int synapses = NEURONS * (INPUT_SYNAPSES_PER_NEURON + RECURRENT_SYNAPSES_PER_NEURON);
        synapsePre = new int[synapses];
        synapsePost = new int[synapses];
        synapseWeight = new int[synapses];
        int s = 0;
        for (int post = 0; post < NEURONS; post++)
        {
            for (int k = 0; k < INPUT_SYNAPSES_PER_NEURON; k++, s++)
            {
                synapsePre[s] = weights.nextInt(INPUTS);
                synapsePost[s] = post;
                synapseWeight[s] = weights.nextInt(150, 700);
            }
            for (int k = 0; k < RECURRENT_SYNAPSES_PER_NEURON; k++, s++)
            {
                synapsePre[s] = INPUTS + weights.nextInt(NEURONS);
                synapsePost[s] = post;
                synapseWeight[s] = weights.nextInt(100) < 70 ? weights.nextInt(20, 220) : -weights.nextInt(300, 900);
            }
        }
        // Per presentation, each input channel fires with its own probability (per mille per tick).
        final SplittableRandom rates = new RandomStreams(seed).stream("input-rates");
        inputRates = new int[64][INPUTS];
        for (final int[] presentation : inputRates)
        {
            for (int i = 0; i < INPUTS; i++)
            {
                presentation[i] = rates.nextInt(100) < 20 ? rates.nextInt(20, 120) : rates.nextInt(0, 15);
            }
        }
    }

    /** The cores for a partition of the neurons into {@code coreCount} contiguous ranges. */
    ProcessingElement[] cores(final int coreCount)
    {
        final ProcessingElement[] cores = new ProcessingElement[coreCount];
        for (int c = 0; c < coreCount; c++)
        {
            final int first = (int)((long)NEURONS * c / coreCount);
            final int end = (int)((long)NEURONS * (c + 1) / coreCount);
            cores[c] = new Core(first, end);
        }
        return cores;
    }

    /** A new Controller that feeds input and recurrent spikes and digests the output spike train. */
    DigestController controller()
    {
        return new DigestController(new RandomStreams(seed).stream("input"), inputRates);
    }

    /** One core: neurons {@code [first, end)} and every synapse onto them, indexed by presynaptic id (CSR). */
    final class Core implements ProcessingElement
    {
        private final int first;
        private final int[] rowStart;
        private final int[] target;
        private final int[] weight;
        private final int[] potential;
        private final int[] input;
        private final int[] refractory;

        Core(final int first, final int end)
        {
            this.first = first;
            final int size = end - first;
            final int presynaptic = INPUTS + NEURONS;
            rowStart = new int[presynaptic + 1];
            for (int s = 0; s < synapsePost.length; s++)
            {
                if (synapsePost[s] >= first && synapsePost[s] < end)
                {
                    rowStart[synapsePre[s] + 1]++;
                }
            }
            for (int p = 0; p < presynaptic; p++)
            {
                rowStart[p + 1] += rowStart[p];
            }
            target = new int[rowStart[presynaptic]];
            weight = new int[rowStart[presynaptic]];
            final int[] fill = rowStart.clone();
            for (int s = 0; s < synapsePost.length; s++)
            {
                if (synapsePost[s] >= first && synapsePost[s] < end)
                {
                    final int slot = fill[synapsePre[s]]++;
                    target[slot] = synapsePost[s] - first;
                    weight[slot] = synapseWeight[s];
                }
            }
            potential = new int[size];
            input = new int[size];
            refractory = new int[size];
        }

        @Override
        public void onSpikes(final long tick, final SpikeBatch spikes)
        {
            final int[] ids = spikes.array();
            for (int i = 0, n = spikes.count(); i < n; i++)
            {
                final int pre = ids[i];
                for (int s = rowStart[pre], e = rowStart[pre + 1]; s < e; s++)
                {
                    input[target[s]] += weight[s];
                }
            }
        }

        @Override
        public void advance(final long tick, final SpikeBatch out)
        {
            for (int j = 0; j < potential.length; j++)
            {
                final int in = input[j];
                input[j] = 0;
                if (refractory[j] > 0)
                {
                    refractory[j]--;
                    continue;
                }
                // Leak by 1/8 (integer division truncates toward zero, so a potential decays to exactly 0).
                final int v = Math.max(-THRESHOLD, potential[j] * 7 / 8 + in);
                if (v >= THRESHOLD)
                {
                    potential[j] = 0;
                    refractory[j] = REFRACTORY_TICKS;
                    out.add(first + j);
                }
                else
                {
                    potential[j] = v;
                }
            }
        }

        @Override
        public boolean isQuiescent()
        {
            for (int j = 0; j < potential.length; j++)
            {
                if (potential[j] != 0 || refractory[j] != 0)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Dispatches each tick's input spikes followed by the previous tick's output (recurrent, delay one tick), and
     * folds the output spike train, in canonical order, into a 64-bit digest.
     */
    static final class DigestController implements Controller
    {
        private final SplittableRandom input;
        private final int[][] inputRates;
        private final SpikeBatch pending = new SpikeBatch(NEURONS);
        private long pendingTick = Long.MIN_VALUE;
        private long digest = 0x243f6a8885a308d3L;
        private long spikeCount;
        private long ticksWithOutput;

        DigestController(final SplittableRandom input, final int[][] inputRates)
        {
            this.input = input;
            this.inputRates = inputRates;
        }

        @Override
        public void dispatch(final long tick, final SpikeBatch spikes)
        {
            if (isPresentation(tick))
            {
                final int[] rates = inputRates[(int)(tick / CYCLE_TICKS) % inputRates.length];
                for (int i = 0; i < INPUTS; i++)
                {
                    if (input.nextInt(1000) < rates[i])
                    {
                        spikes.add(i);
                    }
                }
            }
            if (pendingTick == tick - 1)
            {
                final int[] ids = pending.array();
                for (int i = 0, n = pending.count(); i < n; i++)
                {
                    spikes.add(INPUTS + ids[i]);
                }
            }
        }

        @Override
        public void onOutput(final long tick, final SpikeBatch spikes)
        {
            pending.clear();
            pending.addAll(spikes);
            pendingTick = tick;
            if (!spikes.isEmpty())
            {
                ticksWithOutput++;
            }
            final int[] ids = spikes.array();
            for (int i = 0, n = spikes.count(); i < n; i++)
            {
                digest = mix(digest ^ (tick * 0x100000001b3L + ids[i]));
                spikeCount++;
            }
        }

        @Override
        public long nextInputTick(final long tick)
        {
            if (isPresentation(tick) || (pendingTick == tick - 1 && !pending.isEmpty()))
            {
                return tick;
            }
            return (tick / CYCLE_TICKS + 1) * CYCLE_TICKS;
        }

        private static boolean isPresentation(final long tick)
        {
            return tick % CYCLE_TICKS < PRESENTATION_TICKS;
        }

        /** The digest of the output spike train so far. */
        long digest()
        {
            return digest;
        }

        /** Output spikes so far. */
        long spikeCount()
        {
            return spikeCount;
        }

        /** Ticks with at least one output spike so far. */
        long ticksWithOutput()
        {
            return ticksWithOutput;
        }

        private static long mix(final long v)
        {
            long z = v * 0x9e3779b97f4a7c15L;
            z = (z ^ (z >>> 32)) * 0xd6e8feb86659fd93L;
            return z ^ (z >>> 32);
        }
    }
}
