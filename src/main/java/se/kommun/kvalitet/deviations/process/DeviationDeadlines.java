package se.kommun.kvalitet.deviations.process;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality's internal deadlines for deviations, in working days (the law says "genast" and "snarast"; the
 * defaults are set once, in application.yaml, and their reasons are in docs/avvikelser.md). Fixed on each deviation when it is reported, so a change
 * applies to new deviations only. A value that cannot be a deadline stops the start, naming the setting.
 *
 * @param riskAssessmentWorkingDays     report to risk assessment ("Bedöma risk")
 * @param lexSarahInvestigationWorkingDays report to the end of the lex Sarah investigation and seriousness decision
 * @param lexSarahIvoReportWorkingDays  "allvarligt" decision to the report to IVO
 * @param lexMariaInvestigationWorkingDays risk assessment to the end of the lex Maria investigation
 * @param lexMariaIvoReportWorkingDays  end of the lex Maria investigation to the report to IVO
 * @param reminderDaysBefore            reminder this many working days before each due date
 * @param secondEscalationDaysAfter     kept with the SLA dates (the SLA steps need it); deviations escalate once
 * @param followUpAfter                 from the measures to the follow-up of their effect
 */
@ConfigurationProperties("kvalitet.deviations")
public record DeviationDeadlines(
        int riskAssessmentWorkingDays,
        int lexSarahInvestigationWorkingDays,
        int lexSarahIvoReportWorkingDays,
        int lexMariaInvestigationWorkingDays,
        int lexMariaIvoReportWorkingDays,
        int reminderDaysBefore,
        int secondEscalationDaysAfter,
        Period followUpAfter) {

    public DeviationDeadlines {
        positive("risk-assessment-working-days", riskAssessmentWorkingDays);
        positive("lex-sarah-investigation-working-days", lexSarahInvestigationWorkingDays);
        positive("lex-sarah-ivo-report-working-days", lexSarahIvoReportWorkingDays);
        positive("lex-maria-investigation-working-days", lexMariaInvestigationWorkingDays);
        positive("lex-maria-ivo-report-working-days", lexMariaIvoReportWorkingDays);
        if (reminderDaysBefore < 0 || secondEscalationDaysAfter < 0) {
            throw new IllegalArgumentException("kvalitet.deviations: reminder-days-before and "
                    + "second-escalation-days-after must not be negative");
        }
        if (followUpAfter == null || followUpAfter.isNegative() || followUpAfter.isZero()) {
            throw new IllegalArgumentException("kvalitet.deviations.follow-up-after must be a positive period: "
                    + followUpAfter);
        }
    }

    private static void positive(String setting, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("kvalitet.deviations." + setting + " must be at least 1: " + workingDays);
        }
    }

    /** The process variable {@code deadlines}: what the BPMN's due-date steps read, by name. */
    public Map<String, Integer> asVariable() {
        Map<String, Integer> deadlines = new LinkedHashMap<>();
        deadlines.put("riskAssessment", riskAssessmentWorkingDays);
        deadlines.put("lexSarahInvestigation", lexSarahInvestigationWorkingDays);
        deadlines.put("lexSarahIvoReport", lexSarahIvoReportWorkingDays);
        deadlines.put("lexMariaInvestigation", lexMariaInvestigationWorkingDays);
        deadlines.put("lexMariaIvoReport", lexMariaIvoReportWorkingDays);
        deadlines.put("reminderDaysBefore", reminderDaysBefore);
        deadlines.put("secondEscalationDaysAfter", secondEscalationDaysAfter);
        return deadlines;
    }
}
