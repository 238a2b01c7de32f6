package org.spikeprune.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.ImageIO;

/** Renders learned input → excitatory weights as a grid of 28×28 tiles, one per neuron. */
final class WeightMaps
{
    private WeightMaps()
    {
    }

    /**
     * Writes the PNG.
     *
     * @param weights {@code [pre * neurons + post]}.
     * @param neurons number of excitatory neurons.
     * @param wMax    weight shown white.
     * @param out     where the PNG goes.
     * @throws IOException if the stream cannot be written.
     */
    static void write(final float[] weights, final int neurons, final double wMax, final OutputStream out)
        throws IOException
    {
        final int side = 28;
        final int cols = (int)Math.ceil(Math.sqrt(neurons));
        final int rows = (neurons + cols - 1) / cols;
        final int scale = neurons <= 100 ? 3 : 2;
        final int tile = side * scale + 1;
        final BufferedImage img = new BufferedImage(cols * tile + 1, rows * tile + 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int j = 0; j < neurons; j++)
        {
            final int ox = (j % cols) * tile + 1;
            final int oy = (j / cols) * tile + 1;
            for (int i = 0; i < side * side; i++)
            {
                final double w = Math.min(1.0, Math.max(0.0, weights[i * neurons + j] / wMax));
                final int g = (int)Math.round(255 * Math.sqrt(w));
                final int rgb = (g << 16) | (g << 8) | g;
                for (int dy = 0; dy < scale; dy++)
                {
                    for (int dx = 0; dx < scale; dx++)
                    {
                        img.setRGB(ox + (i % side) * scale + dx, oy + (i / side) * scale + dy, rgb);
                    }
                }
            }
        }
        if (!ImageIO.write(img, "png", out))
        {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
