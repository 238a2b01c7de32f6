package org.spikeprune.fpga;

/** How the processing elements reach a memory: each through its own bank, or all through one shared bank. */
public enum MemorySharing
{
    /** One bank per processing element, holding that element's partition; no contention between elements. */
    PRIVATE,
    /** One bank for all processing elements; its ports are granted first come, first served. */
    SHARED
}
