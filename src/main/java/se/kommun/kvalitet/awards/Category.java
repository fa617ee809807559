package se.kommun.kvalitet.awards;

/** A category of a call: {@code QUALITY} (kvalitetsutmärkelse) or {@code INNOVATION} (innovationspris), or another. */
public record Category(String code, String name) {
}
