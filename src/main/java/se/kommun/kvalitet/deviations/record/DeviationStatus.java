package se.kommun.kvalitet.deviations.record;

/** Where a deviation is in its cycle: report, risk, the legal tracks, measures, follow-up, closed. */
public enum DeviationStatus {
    REPORTED, RISK_ASSESSED, LEX_SARAH, LEX_MARIA, MEASURES, FOLLOW_UP, CLOSED
}
