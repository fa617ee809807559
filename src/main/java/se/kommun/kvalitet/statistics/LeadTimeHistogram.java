package se.kommun.kvalitet.statistics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Lead times in working days as counts per value, so percentiles come from the per-day counts of one SQL pass. The
 * percentile is PostgreSQL's {@code percentile_cont}: linear interpolation between the two values around rank
 * {@code fraction × (n − 1)} of the sorted values, so figures read the same as before and as SQL would give them.
 */
final class LeadTimeHistogram {

    private final TreeMap<Integer, Long> countsByDays = new TreeMap<>();
    private long size;

    void add(int workingDays, long count) {
        countsByDays.merge(workingDays, count, Long::sum);
        size += count;
    }

    /** The continuous percentile ({@code fraction} 0–1), or null without any lead time. */
    Double percentile(double fraction) {
        if (size == 0) {
            return null;
        }
        double rank = fraction * (size - 1);
        long lower = (long) Math.floor(rank);
        int lowerValue = valueAt(lower);
        int upperValue = valueAt((long) Math.ceil(rank));
        return lowerValue + (rank - lower) * (upperValue - lowerValue);
    }

    /** The value at a 0-based position of the sorted lead times. */
    private int valueAt(long position) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : countsByDays.entrySet()) {
            seen += entry.getValue();
            if (position < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("Position " + position + " is past the " + size + " lead times");
    }
}
