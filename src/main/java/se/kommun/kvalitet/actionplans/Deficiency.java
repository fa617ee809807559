package se.kommun.kvalitet.actionplans;

/** A deficiency a plan must answer: an area (e.g. "kvalitetsledningssystem") and what was found. */
public record Deficiency(String area, String description) {

    public Deficiency {
        if (area == null || area.isBlank() || area.length() > 100) {
            throw new IllegalArgumentException("A deficiency needs an area of 1-100 characters: " + area);
        }
        if (description == null || description.isBlank() || description.length() > 5000) {
            throw new IllegalArgumentException("A deficiency needs a description of 1-5000 characters");
        }
    }
}
