package org.spikeprune.core.conv;

/**
 * Difference-of-Gaussians filtering of a grayscale image, the retina-like front end of the network (paper B §2;
 * Kheradpisheh et al. 2018). The kernel follows paper B's reference implementation [22]:
 * {@code (1/√(2π))·(exp(−d²/2σ1²)/σ1 − exp(−d²/2σ2²)/σ2)} over a {@code size × size} window, minus its mean,
 * divided by its maximum. Filtering is a correlation with zero padding that keeps the image size.
 */
public final class DogFilter
{
    private DogFilter()
    {
    }

    /** Which DoG formula. */
    public enum Style
    {
        /** Paper B's reference implementation: Gaussians weighted 1/σ, over √(2π). */
        REFERENCE,
        /** SpykeTorch's {@code DoGKernel}: Gaussians weighted 1/σ², over 2π. */
        SPYKETORCH
    }

    /**
     * The DoG kernel of a style, row-major, zero mean, maximum 1.
     *
     * @param style  the formula.
     * @param size   window side (odd).
     * @param sigma1 centre standard deviation.
     * @param sigma2 surround standard deviation.
     * @return size × size values.
     */
    public static double[] kernel(final Style style, final int size, final double sigma1, final double sigma2)
    {
        if (style == Style.REFERENCE)
        {
            return kernel(size, sigma1, sigma2);
        }
        final double[] k = new double[size * size];
        final int w = size / 2;
        double sum = 0;
        for (int y = -w; y <= w; y++)
        {
            for (int x = -w; x <= w; x++)
            {
                final double d2 = x * x + y * y;
                final double f1 = Math.exp(-0.5 * d2 / (sigma1 * sigma1)) / (sigma1 * sigma1);
                final double f2 = Math.exp(-0.5 * d2 / (sigma2 * sigma2)) / (sigma2 * sigma2);
                final double v = (f1 - f2) / (2 * Math.PI);
                k[(y + w) * size + x + w] = v;
                sum += v;
            }
        }
        final double mean = sum / k.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k.length; i++)
        {
            k[i] -= mean;
            max = Math.max(max, k[i]);
        }
        for (int i = 0; i < k.length; i++)
        {
            k[i] /= max;
        }
        return k;
    }

    /**
     * The DoG kernel, row-major.
     *
     * @param size   window side (odd).
     * @param sigma1 centre standard deviation.
     * @param sigma2 surround standard deviation.
     * @return size × size values, zero mean, maximum 1.
     */
    public static double[] kernel(final int size, final double sigma1, final double sigma2)
    {
        final double[] k = new double[size * size];
        final double c = size / 2.0 + 0.5;
        double sum = 0;
        for (int y = 1; y <= size; y++)
        {
            for (int x = 1; x <= size; x++)
            {
                final double d2 = (x - c) * (x - c) + (y - c) * (y - c);
                final double v = 1.0 / Math.sqrt(2 * Math.PI)
                    * (Math.exp(-d2 / (2 * sigma1 * sigma1)) / sigma1 - Math.exp(-d2 / (2 * sigma2 * sigma2)) / sigma2);
                k[(y - 1) * size + (x - 1)] = v;
                sum += v;
            }
        }
        final double mean = sum / k.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k.length; i++)
        {
            k[i] -= mean;
            max = Math.max(max, k[i]);
        }
        for (int i = 0; i < k.length; i++)
        {
            k[i] /= max;
        }
        return k;
    }

    /**
     * Correlates an image with a kernel, zero padding, same size output.
     *
     * @param image  row-major pixels.
     * @param height rows.
     * @param width  columns.
     * @param kernel row-major kernel of side {@code size}.
     * @param size   kernel side (odd).
     * @return the filtered image.
     */
    public static double[] correlate(final double[] image, final int height, final int width, final double[] kernel,
        final int size)
    {
        final double[] out = new double[height * width];
        final int h = size / 2;
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                double s = 0;
                for (int i = 0; i < size; i++)
                {
                    final int y = r + i - h;
                    if (y < 0 || y >= height)
                    {
                        continue;
                    }
                    for (int j = 0; j < size; j++)
                    {
                        final int x = c + j - h;
                        if (x >= 0 && x < width)
                        {
                            s += kernel[i * size + j] * image[y * width + x];
                        }
                    }
                }
                out[r * width + c] = s;
            }
        }
        return out;
    }
}
