package org.spikeprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest
{
    @Test
    void shouldPrintAPhaseReportedOnlyWhenOverWithoutARate()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "net"))
        {
            p.onProgress("train", 0, 4, Double.NaN);
            p.onProgress("train", 4, 4, 0.75);
            p.onProgress("test", 10, 10, 0.5);
        }
        final String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("net train: 4/4 images, ") && lines[0].contains(" images/s, accuracy 75.00%"),
            lines[0]);
        assertEquals("net test: 10 images, accuracy 50.00%", lines[1]);
    }
}
