package se.kommun.kvalitet.contracts.record;

/** What the municipality does when measures were not remedied (step "Eskalera"). */
public enum EscalationOutcome {
    NEW_DEADLINE("Ny tidsfrist"), SANCTION("Vite"), SETTLEMENT("Förlikning"), TERMINATION("Uppsägning av avtalet"),
    NEW_PROCUREMENT("Ny upphandling");

    private final String swedish;

    EscalationOutcome(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}
