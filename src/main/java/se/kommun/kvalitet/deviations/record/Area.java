package se.kommun.kvalitet.deviations.record;

/**
 * Where a deviation happened. Which legal track the risk assessment may open follows from it: lex Sarah where social
 * services (SoL, LSS) are provided, lex Maria where health care (HSL) is given, which in a municipality includes
 * nursing in elderly housing, home health care and LSS housing.
 */
public enum Area {
    ELDERLY_CARE("Äldreomsorg", "Elderly care", true, true),
    HOME_CARE("Hemtjänst och hemsjukvård", "Home care", true, true),
    DISABILITY_SUPPORT("Stöd till personer med funktionsnedsättning", "Disability support", true, true),
    HEALTH_CARE("Hälso- och sjukvård", "Health care", false, true),
    SCHOOL("Förskola och skola", "Preschool and school", false, false),
    SCHOOL_TRANSPORT("Skolskjuts", "School transport", false, false),
    INFORMATION_SECURITY("Informationssäkerhet", "Information security", false, false),
    WORK_ENVIRONMENT("Arbetsmiljö", "Work environment", false, false),
    OTHER("Övrigt", "Other", false, false);

    private final String swedish;
    private final String english;
    private final boolean socialServices;
    private final boolean healthCare;

    Area(String swedish, String english, boolean socialServices, boolean healthCare) {
        this.swedish = swedish;
        this.english = english;
        this.socialServices = socialServices;
        this.healthCare = healthCare;
    }

    public String swedish() {
        return swedish;
    }

    public String english() {
        return english;
    }

    /** Lex Sarah (SoL 27 kap., LSS 24 a–g §§) applies. */
    public boolean socialServices() {
        return socialServices;
    }

    /** Lex Maria (patientsäkerhetslagen 3 kap. 5 §) applies. */
    public boolean healthCare() {
        return healthCare;
    }
}
