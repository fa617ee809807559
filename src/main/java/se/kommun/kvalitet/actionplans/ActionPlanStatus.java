package se.kommun.kvalitet.actionplans;

/** Where a plan is: asked for, handed in, sent back for revision, approved, its measures verified. */
public enum ActionPlanStatus {
    REQUESTED("Begärd"), SUBMITTED("Inlämnad"), SENT_BACK("Återsänd för komplettering"), APPROVED("Godkänd"),
    VERIFIED("Åtgärder kontrollerade");

    private final String swedish;

    ActionPlanStatus(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }

    /** The author may hand in (again) only when the plan waits for them. */
    public boolean awaitsAuthor() {
        return this == REQUESTED || this == SENT_BACK;
    }
}
