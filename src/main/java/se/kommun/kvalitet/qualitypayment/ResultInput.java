package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;

/**
 * One indicator result as the JSON API or a CSV row gives it. {@code contractNumber} is empty for an in-house
 * unit; {@code performedHours} are the provider's performed hours in the period, the same on each of its rows.
 */
record ResultInput(String provider, String contractNumber, String period, String indicator, BigDecimal value,
        BigDecimal performedHours, String source) {
}
