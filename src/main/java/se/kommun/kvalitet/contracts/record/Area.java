package se.kommun.kvalitet.contracts.record;

/** What a contract is for; the label is what the report and the pages show. */
public enum Area {
    HOME_CARE("Hemtjänst", "Home care"),
    ELDERLY_HOUSING("Vård- och omsorgsboende", "Residential elderly care"),
    SCHOOL_TRANSPORT("Skolskjuts", "School transport"),
    DISABILITY_SUPPORT("Stöd till personer med funktionsnedsättning", "Disability support"),
    OTHER("Övrigt", "Other");

    private final String swedish;
    private final String english;

    Area(String swedish, String english) {
        this.swedish = swedish;
        this.english = english;
    }

    public String swedish() {
        return swedish;
    }

    public String english() {
        return english;
    }
}
