package org.spikeprune.traces;

/**
 * The kinds of record in a trace, with the code each one carries in its {@link TraceRecordDescriptor#KIND_OFFSET}
 * field. Codes are part of the file format: never renumber them.
 */
public enum TraceRecordKind
{
    /** The first record: format version, profile, seed, configuration and its digest. */
    HEADER(1),
    /** Input spikes the Controller dispatched in one tick (a batch of input ids). */
    INPUT_SPIKES(2),
    /** Output (excitatory / last layer) spikes of one tick (a batch of neuron ids). */
    OUTPUT_SPIKES(3),
    /** Start of an image presentation. */
    IMAGE_START(4),
    /** End of an image presentation. */
    IMAGE_END(5),
    /** The work of one core (processing element) in one tick. */
    CORE_TICK(6),
    /** One pass of a Prune unit. */
    PRUNE(7),
    /** One synapse cut by a Prune unit (optional detail). */
    PRUNE_DECISION(8),
    /** The last record, written on a clean close: totals and status. Its absence means the trace is incomplete. */
    END(9);

    private static final TraceRecordKind[] BY_CODE = new TraceRecordKind[16];

    static
    {
        for (final TraceRecordKind kind : values())
        {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;

    TraceRecordKind(final int code)
    {
        this.code = code;
    }

    /** The code stored in the record's kind field. */
    public int code()
    {
        return code;
    }

    /** True for the kinds that carry events of the run (everything but {@link #HEADER} and {@link #END}). */
    public boolean isEvent()
    {
        return this != HEADER && this != END;
    }

    /** True for the two spike batch kinds. */
    public boolean isSpikes()
    {
        return this == INPUT_SPIKES || this == OUTPUT_SPIKES;
    }

    /**
     * The kind with a code, or null when no kind has it.
     *
     * @param code the stored code.
     * @return the kind, or null.
     */
    public static TraceRecordKind fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
