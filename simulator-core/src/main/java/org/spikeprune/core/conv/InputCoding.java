package org.spikeprune.core.conv;

/**
 * The input stage: DoG filtering of a grayscale image (ON channel, optionally OFF), zeroed border, threshold, and
 * intensity-to-latency coding (paper B §2 and its reference implementation [22]; MODEL-REFERENCE §4.1, §4.2).
 *
 * @param height     rows of the (resized) image.
 * @param width      columns.
 * @param dogSize    DoG window side (7).
 * @param sigma1     centre sigma of the ON kernel (1); the OFF kernel swaps the sigmas.
 * @param sigma2     surround sigma (2).
 * @param offChannel whether an OFF channel is added (input channels 2).
 * @param border     width of the zeroed border (5), 0 for none.
 * @param threshold  responses below it are dropped (15 for Caltech, 50 for MNIST).
 * @param bins       time bins of the code: rank-order coding uses {@code bins − 1} as its spread (10 bins, bin
 *                   0 holding only the strongest value); equal-count coding uses {@code bins} equal bins.
 * @param equalCount true for SpykeTorch's equal-count bins, false for the reference rank-order bins.
 * @param normRadius radius of local normalisation (divide by the mean of a (2r+1)² window), 0 for none.
 * @param dogStyle   the DoG formula.
 */
public record InputCoding(int height, int width, int dogSize, double sigma1, double sigma2, boolean offChannel,
    int border, double threshold, int bins, boolean equalCount, int normRadius, DogFilter.Style dogStyle)
{
    /** Validates. */
    public InputCoding
    {
        if (height <= 0 || width <= 0 || dogSize <= 0 || dogSize % 2 == 0 || bins < 2 || border < 0
            || normRadius < 0)
        {
            throw new IllegalArgumentException("bad input coding: height=" + height + ", width=" + width
                + ", dogSize=" + dogSize + ", bins=" + bins + ", border=" + border + ", normRadius=" + normRadius);
        }
    }

    /** Input channels (1 or 2). */
    public int channels()
    {
        return offChannel ? 2 : 1;
    }

    /**
     * Encodes one grayscale image.
     *
     * @param gray  row-major pixels in 0..255, {@code height × width}.
     * @param label class label.
     * @return the input spikes.
     */
    public InputSpikes encode(final double[] gray, final int label)
    {
        if (gray.length != height * width)
        {
            throw new IllegalArgumentException("expected " + height * width + " pixels, found " + gray.length);
        }
        final int ch = channels();
        final double[] values = new double[height * width * ch];
        for (int c = 0; c < ch; c++)
        {
            final double[] k = c == 0 ? DogFilter.kernel(dogStyle, dogSize, sigma1, sigma2)
                : DogFilter.kernel(dogStyle, dogSize, sigma2, sigma1);
            final double[] f = DogFilter.correlate(gray, height, width, k, dogSize);
            for (int r = 0; r < height; r++)
            {
                for (int col = 0; col < width; col++)
                {
                    final boolean inside = r >= border && r < height - border && col >= border && col < width - border;
                    final double v = f[r * width + col];
                    values[(r * width + col) * ch + c] = inside && v >= threshold ? v : 0.0;
                }
            }
        }
        if (normRadius > 0)
        {
            normalise(values, ch);
        }
        return equalCount ? LatencyCoder.equalCount(values, bins, label)
            : LatencyCoder.rankOrder(values, bins - 1, label);
    }

    private void normalise(final double[] values, final int ch)
    {
        final double[] copy = values.clone();
        final int side = 2 * normRadius + 1;
        final double area = side * side;
        for (int c = 0; c < ch; c++)
        {
            for (int r = 0; r < height; r++)
            {
                for (int col = 0; col < width; col++)
                {
                    double s = 0;
                    for (int y = Math.max(0, r - normRadius); y <= Math.min(height - 1, r + normRadius); y++)
                    {
                        for (int x = Math.max(0, col - normRadius); x <= Math.min(width - 1, col + normRadius); x++)
                        {
                            s += copy[(y * width + x) * ch + c];
                        }
                    }
                    final int i = (r * width + col) * ch + c;
                    values[i] = copy[i] / (s / area + 1e-12);
                }
            }
        }
    }
}
