package se.kommun.kvalitet.statistics;

import java.util.List;

/** A filter named a unit the organisation does not have. */
class UnknownStatisticsUnitException extends InvalidStatisticsFilterException {

    UnknownStatisticsUnitException(String unit, List<String> units) {
        super("unit", "Okänd enhet / unknown unit '" + unit + "'; enheter / units: " + String.join(", ", units));
    }
}
