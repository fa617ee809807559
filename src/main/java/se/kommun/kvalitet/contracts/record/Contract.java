package se.kommun.kvalitet.contracts.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A contract in the register. */
public record Contract(long id, String number, String title, String supplierName, String organisationNumber,
        Area area, String committee, boolean strategic, LocalDate start, LocalDate end, LocalDate extendedTo,
        String contactEmail, String contractManager, Period followUpInterval, Instant registeredAt,
        String registeredBy, LocalDate terminatedOn) {

    /** The last day the contract runs: its termination, else its extension, else its end. */
    public LocalDate lastDay() {
        if (terminatedOn != null) {
            return terminatedOn;
        }
        return extendedTo != null ? extendedTo : end;
    }

    public boolean runsDuring(int year) {
        return !start.isAfter(LocalDate.of(year, 12, 31)) && !lastDay().isBefore(LocalDate.of(year, 1, 1));
    }
}
