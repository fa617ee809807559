package se.kommun.kvalitet.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The histogram's percentiles are PostgreSQL's percentile_cont over the same values. */
class LeadTimeHistogramTest {

    @Test
    void noLeadTimeHasNoPercentile() {
        assertThat(new LeadTimeHistogram().percentile(0.5)).isNull();
    }

    @Test
    void oneValueIsEveryPercentile() {
        LeadTimeHistogram histogram = new LeadTimeHistogram();
        histogram.add(4, 1);
        assertThat(histogram.percentile(0.5)).isEqualTo(4.0);
        assertThat(histogram.percentile(0.9)).isEqualTo(4.0);
    }

    @Test
    void percentilesInterpolateBetweenTheValuesAroundTheirRank() {
        // 0 1 1 2 3 3 5: percentile_cont gives median 2 and 90th percentile 3 + 0.4 × (5 − 3) = 3.8.
        LeadTimeHistogram histogram = new LeadTimeHistogram();
        histogram.add(3, 2);
        histogram.add(0, 1);
        histogram.add(5, 1);
        histogram.add(1, 1);
        histogram.add(2, 1);
        histogram.add(1, 1);
        assertThat(histogram.percentile(0.5)).isEqualTo(2.0);
        assertThat(histogram.percentile(0.9)).isCloseTo(3.8, within(1e-9));
    }

    @Test
    void anEvenCountHasTheMeanOfTheMiddleTwoAsMedian() {
        LeadTimeHistogram histogram = new LeadTimeHistogram();
        histogram.add(2, 500);
        histogram.add(7, 500);
        assertThat(histogram.percentile(0.5)).isEqualTo(4.5);
    }
}
