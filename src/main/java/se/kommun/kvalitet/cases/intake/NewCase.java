package se.kommun.kvalitet.cases.intake;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.shared.PlainText;

/**
 * A matter as the citizen (or the officer registering it) describes it: the fixed contract of
 * {@code POST /api/cases} and the public form. Rules that need the database or the caller's role are in
 * {@link NewCaseValidator}.
 */
public record NewCase(
        @NotNull CaseType type,
        @NotBlank @Size(max = 40) @PlainText String category,
        @NotBlank @Size(max = 5000) @PlainText String description,
        @Valid Location location,
        @Valid Contact contact,
        @Pattern(regexp = "sv|en") String language,
        Instant receivedAt) {

    public static final int MAX_DESCRIPTION = 5000;

    public NewCase {
        language = language == null ? "sv" : language;
    }

    public record Location(
            @Size(max = 300) @PlainText String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        boolean isEmpty() {
            return (address == null || address.isBlank()) && latitude == null && longitude == null;
        }
    }

    public record Contact(
            @Size(max = 200) @PlainText String name,
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) @PlainText String email,
            @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,24}") String phone) {

        boolean isEmpty() {
            return isBlank(name) && isBlank(email) && isBlank(phone);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** Drops empty optional parts, so an empty contact block means anonymous, as the contract says. */
    NewCase normalized() {
        return new NewCase(type, category == null ? null : category.trim(), description == null ? null
                : description.strip(), location == null || location.isEmpty() ? null : location,
                contact == null || contact.isEmpty() ? null : new Contact(blankToNull(contact.name()),
                        blankToNull(contact.email()), blankToNull(contact.phone())), language, receivedAt);
    }

    boolean anonymous() {
        return contact == null || contact.email() == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
