package org.spikeprune.traces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.spikeprune.traces.TraceRecordDescriptor.MAX_ROW_LENGTH;
import static org.spikeprune.traces.TraceRecordDescriptor.ROW_FIELDS;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The variable-length encoding of CORE_TICK rows (trace format 4). */
class CoreTickRowCodecTest
{
    @Test
    void shouldTakeOneByteAFieldBelow128AndFiveAtTheTop()
    {
        final int[] small = {0, 1, 0, 3, 127, 100, 0, 0, 1};
        final byte[] out = new byte[MAX_ROW_LENGTH];
        assertEquals(9, TraceRecordDescriptor.encodeRows(small, 1, out));
        final int[] top = new int[ROW_FIELDS];
        Arrays.fill(top, Integer.MAX_VALUE);
        assertEquals(MAX_ROW_LENGTH, TraceRecordDescriptor.encodeRows(top, 1, out));
        final int[] back = new int[ROW_FIELDS];
        assertEquals(MAX_ROW_LENGTH, TraceRecordDescriptor.decodeRows(out, 0, out.length, 1, back));
        assertArrayEquals(top, back);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1_000_003})
    void shouldDecodeWhatItEncodesWithTickOffsetsAsDifferences(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int n = 1 + random.nextInt(TraceRecordDescriptor.MAX_CORE_TICK_ROWS);
        final int[] rows = new int[n * ROW_FIELDS];
        int offset = 0;
        for (int r = 0; r < n; r++)
        {
            offset += r == 0 ? 0 : random.nextInt(0, 1 << random.nextInt(1, 20));
            rows[r * ROW_FIELDS] = offset;
            for (int f = 1; f < ROW_FIELDS; f++)
            {
                // values of every width: 1 to 5 bytes
                rows[r * ROW_FIELDS + f] = random.nextInt(0, 1 << random.nextInt(1, 31));
            }
        }
        final byte[] out = new byte[n * MAX_ROW_LENGTH];
        final int length = TraceRecordDescriptor.encodeRows(rows, n, out);
        final int[] back = new int[n * ROW_FIELDS];
        assertEquals(length, TraceRecordDescriptor.decodeRows(out, 0, length, n, back));
        assertArrayEquals(rows, back);
        assertEquals(-1, TraceRecordDescriptor.decodeRows(out, 0, length - 1, n, back), "one byte short");
    }

    @Test
    void shouldRejectAVarintLongerThanFiveBytesOrAboveTheIntRange()
    {
        final int[] back = new int[ROW_FIELDS];
        final byte[] six = {(byte)0x80, (byte)0x80, (byte)0x80, (byte)0x80, (byte)0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(-1, TraceRecordDescriptor.decodeRows(six, 0, six.length, 1, back));
        // 2^31 in five bytes
        final byte[] big = {(byte)0x80, (byte)0x80, (byte)0x80, (byte)0x80, 0x08, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(-1, TraceRecordDescriptor.decodeRows(big, 0, big.length, 1, back));
    }

    @Test
    void shouldRejectTickOffsetsThatAddUpBeyondTheIntRange()
    {
        final int[] rows = new int[2 * ROW_FIELDS];
        rows[0] = 0;
        rows[ROW_FIELDS] = Integer.MAX_VALUE;
        final byte[] out = new byte[2 * MAX_ROW_LENGTH];
        final int length = TraceRecordDescriptor.encodeRows(rows, 2, out);
        final int[] back = new int[2 * ROW_FIELDS];
        assertEquals(length, TraceRecordDescriptor.decodeRows(out, 0, length, 2, back));
        // a third row 1 tick further: offset 2^31
        final int[] three = Arrays.copyOf(rows, 3 * ROW_FIELDS);
        final byte[] out3 = new byte[3 * MAX_ROW_LENGTH];
        final int head = TraceRecordDescriptor.encodeRows(three, 2, out3);
        out3[head] = 1; // Δ offset 1, then eight zero fields
        assertEquals(-1, TraceRecordDescriptor.decodeRows(out3, 0, head + ROW_FIELDS, 3, new int[3 * ROW_FIELDS]));
    }

    @Test
    void shouldPadRecordsToAMultipleOfFour()
    {
        assertEquals(36, TraceRecordDescriptor.coreTickLength(0));
        assertEquals(48, TraceRecordDescriptor.coreTickLength(9));
        assertEquals(48, TraceRecordDescriptor.coreTickLength(12));
        assertEquals(52, TraceRecordDescriptor.coreTickLength(13));
    }
}
