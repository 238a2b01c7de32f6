package org.spikeprune.fpga;

/**
 * One on-chip memory of the design (Weight, Potential, Spike or Decrement Track memory), as the timing model
 * sees it: banks, ports per bank, word width and read latency. A true dual-port block RAM has two ports; the
 * model grants each port one access per cycle.
 *
 * <p>Validated as part of {@link HardwareConfig}, which names the field.
 *
 * @param sharing     one bank per processing element, or one bank shared by all.
 * @param ports       access ports per bank (reads and writes share them), at least 1.
 * @param widthBits   bits per word; a word holds {@code widthBits / entryBits} entries (at least one).
 * @param readLatency cycles from address to data, at least 0 (1 for a block RAM without its output register).
 */
public record MemoryConfig(MemorySharing sharing, int ports, int widthBits, int readLatency)
{
    /**
     * Entries of {@code entryBits} bits packed in one word.
     *
     * @param entryBits bits of one entry.
     * @return entries per word, at least 1 (an entry wider than the word takes one access).
     */
    public int entriesPerWord(final int entryBits)
    {
        return Math.max(1, widthBits / Math.max(1, entryBits));
    }

    /**
     * Banks for a design of {@code processingElements} elements.
     *
     * @param processingElements number of processing elements.
     * @return the number of banks.
     */
    public int banks(final int processingElements)
    {
        return sharing == MemorySharing.PRIVATE ? processingElements : 1;
    }

    /** @return a copy with {@code ports} ports per bank. */
    public MemoryConfig withPorts(final int ports)
    {
        return new MemoryConfig(sharing, ports, widthBits, readLatency);
    }
}
