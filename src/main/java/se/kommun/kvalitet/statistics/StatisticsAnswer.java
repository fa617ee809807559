package se.kommun.kvalitet.statistics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer of {@code GET /api/statistics}: the {@link Figures} and, for each Kolada KPI mapped to one of our
 * measures, our figure for the same selection beside the imported municipalities' values.
 */
record StatisticsAnswer(@JsonUnwrapped Figures figures, List<Kolada.Comparison> kolada) {
}
