package se.kommun.kvalitet.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Felanmälan for other modules (the Open311 API): submit a fault report through the same intake as the public
 * form (validation, idempotency, routing, acknowledgement mail, duplicate linking), and read what anyone may
 * know about one. The read model carries no personal data: no contact details, no description, no officer's
 * notes.
 */
public interface FaultReports {

    /**
     * A fault report as a client application sends it.
     *
     * @param language       sv or en: the acknowledgement mail's language
     * @param sourceApp      the client application, recorded on the case
     * @param idempotencyKey optional, already scoped to the client application
     */
    record Report(String category, String description, String address, Double latitude, Double longitude,
            String name, String email, String phone, String language, String mediaUrl, String sourceApp,
            String idempotencyKey) {
    }

    record Receipt(String reference, boolean replayed) {
    }

    /** A fault-report category, labelled in Swedish and English. */
    record Category(String code, String labelSv, String labelEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelSv;
        }
    }

    /**
     * What the public may know of a fault report.
     *
     * @param publicAnswer    the answer to the reporter once the case is closed, else null
     * @param linkedReference the open report this one was linked to as a duplicate, or null
     * @param forwardedTo     the authority the report was forwarded to (not ours), or null
     * @param unit            the unit handling it, by its name
     * @param expectedAt      the SLA due moment, or null before routing
     */
    record PublicStatus(String reference, String category, boolean open, String publicAnswer, String linkedReference,
            String forwardedTo, String unit, Instant requestedAt, Instant updatedAt, Instant expectedAt,
            String address, Double latitude, Double longitude, String mediaUrl) {
    }

    /**
     * @param references  if not empty, only these (the other criteria still apply)
     * @param categories  if not empty, only these categories
     * @param open        null for both, true for open only, false for closed only
     */
    record Query(Collection<String> references, Collection<String> categories, Instant receivedFrom,
            Instant receivedTo, Boolean open, int limit) {
    }

    /** @throws FaultReportRejectedException naming every field that broke a rule */
    Receipt submit(Report report);

    List<Category> categories();

    Optional<PublicStatus> find(String reference);

    /** Newest first. */
    List<PublicStatus> search(Query query);
}
