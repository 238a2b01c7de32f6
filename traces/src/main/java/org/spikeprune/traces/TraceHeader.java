package org.spikeprune.traces;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * The first record of a trace: what a replay needs to rebuild the run. Holds no machine path, host or user name.
 *
 * @param formatVersion  version of the record format ({@link TraceRecordDescriptor#FORMAT_VERSION}).
 * @param profile        name of the profile the run used.
 * @param seed           the run's seed.
 * @param configDigest   SHA-256 of the UTF-8 configuration text, lower-case hex.
 * @param configText     the full configuration text of the run.
 * @param creator        what recorded it, e.g. "spikeprune 0.1.0".
 * @param javaVersion    the Java version of the recording JVM.
 * @param createdEpochMs when the recording started, milliseconds since the epoch (UTC).
 */
public record TraceHeader(
    int formatVersion,
    String profile,
    long seed,
    String configDigest,
    String configText,
    String creator,
    String javaVersion,
    long createdEpochMs)
{
    /** Checks the strings are present. */
    public TraceHeader
    {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(configDigest, "configDigest");
        Objects.requireNonNull(configText, "configText");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(javaVersion, "javaVersion");
    }

    /**
     * A header for a new recording in the current format: the digest is computed from the text, the Java
     * version and the time are taken from this JVM.
     *
     * @param profile    the profile name.
     * @param seed       the seed.
     * @param configText the full configuration text.
     * @param creator    what records it, e.g. "spikeprune 0.1.0".
     * @return the header.
     */
    public static TraceHeader of(final String profile, final long seed, final String configText, final String creator)
    {
        return new TraceHeader(
            TraceRecordDescriptor.FORMAT_VERSION, profile, seed, sha256Hex(configText), configText, creator,
            System.getProperty("java.version", "unknown"), System.currentTimeMillis());
    }

    /** When the recording started. */
    public Instant createdAt()
    {
        return Instant.ofEpochMilli(createdEpochMs);
    }

    /**
     * SHA-256 of the UTF-8 bytes of a text, lower-case hex.
     *
     * @param text the text.
     * @return 64 hex digits.
     */
    public static String sha256Hex(final String text)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder hex = new StringBuilder(64);
            for (final byte b : digest)
            {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }
}
