package org.spikeprune.core.conv;

/**
 * Resizes 8-bit grayscale images the way the reference implementation's image library does with its
 * antialiasing filter: a separable Lanczos-3 filter whose support is widened by the reduction factor when
 * shrinking, weights normalised per output pixel, horizontal pass first, each pass rounded and clipped to 0..255.
 */
public final class ImageResampler
{
    private ImageResampler()
    {
    }

    /**
     * Resizes a grayscale image.
     *
     * @param src    row-major pixels 0..255.
     * @param height source rows.
     * @param width  source columns.
     * @param outH   target rows.
     * @param outW   target columns.
     * @return the resized pixels (integral values 0..255).
     */
    public static double[] resize(final double[] src, final int height, final int width, final int outH,
        final int outW)
    {
        final double[] horizontal = new double[height * outW];
        pass(src, height, width, outW, true, horizontal);
        final double[] out = new double[outH * outW];
        pass(horizontal, outW, height, outH, false, out);
        return out;
    }

    /** One separable pass: along rows ({@code alongRows}) or columns. */
    private static void pass(final double[] in, final int lines, final int inSize, final int outSize,
        final boolean alongRows, final double[] out)
    {
        final double scale = (double)inSize / outSize;
        final double filterScale = Math.max(scale, 1.0);
        final double support = 3.0 * filterScale;
        for (int o = 0; o < outSize; o++)
        {
            final double center = (o + 0.5) * scale;
            final int xmin = Math.max((int)(center - support + 0.5), 0);
            final int xmax = Math.min((int)(center + support + 0.5), inSize);
            final double[] w = new double[xmax - xmin];
            double sum = 0;
            for (int x = xmin; x < xmax; x++)
            {
                final double v = lanczos((x - center + 0.5) / filterScale);
                w[x - xmin] = v;
                sum += v;
            }
            for (int i = 0; i < w.length; i++)
            {
                w[i] = sum != 0 ? w[i] / sum : 0;
            }
            for (int line = 0; line < lines; line++)
            {
                double s = 0;
                for (int x = xmin; x < xmax; x++)
                {
                    final double p = alongRows ? in[line * inSize + x] : in[x * lines + line];
                    s += w[x - xmin] * p;
                }
                final double v = Math.min(255, Math.max(0, Math.round(s)));
                if (alongRows)
                {
                    out[line * outSize + o] = v;
                }
                else
                {
                    out[o * lines + line] = v;
                }
            }
        }
    }

    private static double sinc(final double x)
    {
        if (x == 0)
        {
            return 1;
        }
        final double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double lanczos(final double x)
    {
        return x > -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0;
    }
}
