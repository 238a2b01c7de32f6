package org.spikeprune.fpga.paper;

/**
 * The published numbers the model is set beside, each with its source.
 *
 * <p>[A] Guo, Fouda, Eltawil, Salama, "Unsupervised Adaptive Weight Pruning for Energy-Efficient Neuromorphic
 * Systems", Front. Neurosci. 14:598876 (2020), §4, Tables 4 and 5. [B] Nguyen, Veeravalli, Fong, "Connection
 * Pruning for Deep Spiking Neural Networks with On-Chip Learning", arXiv:2010.04351 (2020), abstract, §5.1, §6.2,
 * §6.4.
 */
public final class PaperFigures
{
    /** [A] Table 4: grouping cycles per pruning step (100 neurons, 20 groups). */
    public static final long A_GROUPING_CYCLES = 120;
    /** [A] Table 4: adapting cycles per pruning step. */
    public static final long A_ADAPTING_CYCLES = 2_000;
    /** [A] Table 4: weight-pruning cycles per pruning step (784 × 100 weights, one access per cycle). */
    public static final long A_PRUNING_CYCLES = 78_400;
    /** [A] Table 4: grouping operations per step. */
    public static final long A_GROUPING_OPS = 400;
    /** [A] Table 4: adapting operations per step. */
    public static final long A_ADAPTING_OPS = 1_100;
    /** [A] Table 4: weight-pruning operations per step. */
    public static final long A_PRUNING_OPS = 156_800;
    /** [A] Table 4: average pruning cycles per image, batch 100. */
    public static final long A_CYCLES_PER_IMAGE_BATCH_100 = 404;
    /** [A] Table 4: average pruning cycles per image, batch 5,000. */
    public static final long A_CYCLES_PER_IMAGE_BATCH_5000 = 9;
    /** [A] Table 4: average pruning operations per image, batch 100. */
    public static final long A_OPS_PER_IMAGE_BATCH_100 = 794;
    /** [A] Table 4: average pruning operations per image, batch 5,000. */
    public static final long A_OPS_PER_IMAGE_BATCH_5000 = 18;
    /** [A] Table 4: SNN training synaptic operations per image at 10% connectivity, 100 neurons. */
    public static final long A_TRAINING_SOPS_PER_IMAGE = 96_099;
    /** [A] §2.8 of the reference: training images of the run. */
    public static final long A_TRAIN_IMAGES = 60_000;
    /** [A] §2.1 of the reference: image count at which pruning starts. */
    public static final long A_PRUNE_START = 30_000;
    /** [A] Table 5: 16-bit adders / subtractors of the pruning unit. */
    public static final long A_ADDERS = 4;
    /** [A] Table 5: 16-bit comparators of the pruning unit. */
    public static final long A_COMPARATORS = 18;
    /** [A] Table 5: registers (bits) of the pruning unit. */
    public static final long A_REGISTERS = 620;
    /** [A] Table 5: NAND gate equivalents of the pruning unit. */
    public static final long A_PRUNE_NAND = 8_284;
    /** [A] Table 5: 18 Kb block RAMs of the pruning unit. */
    public static final long A_PRUNE_BRAM18 = 2;
    /** [A] Table 5: NAND gate equivalents of the SNN (100 neurons, the digital design of Guo et al. 2020). */
    public static final double A_SNN_NAND = 3.0e6;
    /** [A] Table 5: 18 Kb block RAMs of the SNN. */
    public static final long A_SNN_BRAM18 = 50;
    /** [A] §4: minimum SOP energy per image on Loihi, "around 2.3 uJ", in picojoules. */
    public static final double A_SOP_ENERGY_PJ_PER_IMAGE = 2.3e6;
    /** [A] §4: pruning energy per image at batch 100, 3.4 nJ, in picojoules. */
    public static final double A_PRUNE_ENERGY_PJ_PER_IMAGE = 3.4e3;
    /** [A] §4: pruning energy as a share of the SOP energy, "around 0.1%". */
    public static final double A_PRUNE_ENERGY_SHARE = 0.001;

    /** [B] abstract, §6.2: online learning speed-up without accuracy loss. */
    public static final double B_LEARNING_SPEEDUP = 2.1;
    /** [B] abstract, §6.4: inference speed-up (2.83–3.1× for 92.83–95% pruned). */
    public static final double B_INFERENCE_SPEEDUP = 2.83;
    /** [B] abstract, §6.2: online learning energy reduction (64–69.62% for 0–2% loss). */
    public static final double B_LEARNING_ENERGY_REDUCTION = 0.64;
    /** [B] abstract, §6.4: inference energy reduction (78.24–81.47%). */
    public static final double B_INFERENCE_ENERGY_REDUCTION = 0.7824;
    /** [B] §5.1: LUT and FF overhead of the pruning hardware, "less than 3.52%". */
    public static final double B_LUT_FF_OVERHEAD = 0.0352;
    /** [B] §5.1: BRAM overhead, "approximately 8.7%". */
    public static final double B_BRAM_OVERHEAD = 0.087;
    /** [B] §5.1: DSP slices of the pruning hardware (5% of the XC7Z020's 220). */
    public static final long B_DSPS = 11;
    /** [B] §5.1: power overhead against the non-pruning baseline. */
    public static final double B_POWER_OVERHEAD = 0.0056;
    /** [B] abstract: connectivity reduction at no accuracy loss. */
    public static final double B_CONNECTIVITY_REDUCTION = 0.9283;

    private PaperFigures()
    {
    }
}
