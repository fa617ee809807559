package se.kommun.kvalitet.actionplans;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a plan belongs to: a kind the owning module names ({@code CONTRACT_FOLLOW_UP}, later {@code UNIT_TARGET})
 * and that module's id of it. The mechanism never interprets either.
 */
public record OwnerReference(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{1,39}");

    public OwnerReference {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Owner kind must match " + KIND + ": " + kind);
        }
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("Owner id must be 1-100 characters: " + id);
        }
    }
}
