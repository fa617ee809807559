package se.kommun.kvalitet.statistics;

import java.util.function.Function;

/**
 * Our own measures that a Kolada KPI is compared with and a styrkort's key figure may name, read from {@link Figures}.
 * Shares are given in percent (0–100), as Kolada gives them, so a target or a peer's value reads the same.
 */
enum Measure {

    ANSWERED_WITHIN_SLA("Andel besvarade i tid (%)", "Share answered on time (%)", true,
            Figures::answeredWithinSla),
    QUESTIONS_ANSWERED_WITHIN_2_WORKING_DAYS("Frågor via e-post besvarade inom 2 arbetsdagar (%) (KKiK)",
            "Questions by e-mail answered within 2 working days (%) (KKiK)", true,
            Figures::questionsAnsweredWithin2WorkingDays),
    MEDIAN_LEAD_TIME_WORKING_DAYS("Handläggningstid, median (arbetsdagar)", "Lead time, median (working days)",
            false, Figures::medianLeadTimeWorkingDays),
    P90_LEAD_TIME_WORKING_DAYS("Handläggningstid, 90:e percentilen (arbetsdagar)",
            "Lead time, 90th percentile (working days)", false, Figures::p90LeadTimeWorkingDays),
    SHARE_SATISFIED("Andel nöjda i enkäten (%)", "Share satisfied in the survey (%)", true,
            figures -> figures.surveys().shareSatisfied()),
    RECEIVED("Inkomna synpunkter och felanmälningar", "Feedback and fault reports received", false,
            figures -> (double) figures.received()),
    ESCALATIONS("Eskaleringar", "Escalations", false, figures -> (double) figures.escalations());

    private final String labelSv;
    private final String labelEn;
    private final boolean share;
    private final Function<Figures, Double> read;

    Measure(String labelSv, String labelEn, boolean share, Function<Figures, Double> read) {
        this.labelSv = labelSv;
        this.labelEn = labelEn;
        this.share = share;
        this.read = read;
    }

    /** The measure's value in these figures (a share in percent), or null when there was nothing to measure. */
    Double valueIn(Figures figures) {
        Double value = read.apply(figures);
        return value == null ? null : share ? value * 100 : value;
    }

    public String labelSv() {
        return labelSv;
    }

    public String labelEn() {
        return labelEn;
    }

    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelSv;
    }

    static java.util.Optional<Measure> named(String name) {
        for (Measure measure : values()) {
            if (measure.name().equals(name)) {
                return java.util.Optional.of(measure);
            }
        }
        return java.util.Optional.empty();
    }
}
