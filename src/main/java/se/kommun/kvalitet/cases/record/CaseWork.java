package se.kommun.kvalitet.cases.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.escalation.EscalationLevel;

/**
 * What the process steps do to a case. Delegates translate process variables and call one method here, so
 * the rules are testable without the engine.
 */
@Service
@Transactional
public class CaseWork {

    /** Two fault reports this close (metres) are about the same thing. */
    static final double SAME_PLACE_METRES = 50;

    private final CitizenCaseRepository cases;
    private final Clock clock;

    CaseWork(CitizenCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public void route(String reference, String candidateGroup, String managerGroup, String priority, LocalDate dueDate) {
        find(reference).route(candidateGroup, managerGroup, priority, dueDate);
    }

    /** An open fault report of the same category at the same place, oldest first, if any. */
    @Transactional(readOnly = true)
    public Optional<String> openDuplicateOf(String reference) {
        CitizenCase report = find(reference);
        return cases.findOpenOfSameKind(report.type(), report.category(), reference)
                .stream()
                .filter(open -> samePlace(report, open))
                .min(Comparator.comparing(CitizenCase::receivedAt))
                .map(CitizenCase::reference);
    }

    public void linkDuplicate(String reference, String openReference) {
        CitizenCase duplicate = find(reference);
        duplicate.linkTo(openReference);
        find(openReference).record(CaseEvent.Kind.LINKED, null, reference);
    }

    public void documentInvestigation(String reference, String findings, String outcome, String question,
            String forwardedTo, String officer) {
        CitizenCase citizenCase = find(reference);
        citizenCase.documentFindings(findings, officer);
        switch (String.valueOf(outcome)) {
            case "supplement" -> citizenCase.awaitCitizen(question, officer);
            case "notOurs" -> citizenCase.forwardTo(forwardedTo, officer);
            default -> { }
        }
    }

    public void decideMeasures(String reference, String measures, String rootCause, String officer) {
        find(reference).decideMeasures(measures, rootCause, officer);
    }

    public void answer(String reference, String feedback, String officer) {
        find(reference).answer(feedback, officer);
    }

    /** Which svarsmall the officer picked (history and statistics only; the sent text is the officer's). */
    public void recordTemplateUsed(String reference, String step, String template, String officer) {
        find(reference).record(CaseEvent.Kind.ANSWER_TEMPLATE_USED, officer, step + ": " + template);
    }

    public void resumeAfterSupplement(String reference, boolean answered, LocalDate dueDate) {
        CitizenCase citizenCase = find(reference);
        citizenCase.resumeAfterSupplement(answered);
        citizenCase.moveDueDate(dueDate);
    }

    /** @return true when the citizen's answer should wake the waiting process */
    public boolean addCitizenInformation(String reference, String text) {
        CitizenCase citizenCase = find(reference);
        citizenCase.addCitizenInformation(text);
        return citizenCase.status() == CaseStatus.WAITING_FOR_CITIZEN;
    }

    /** History and statistics only: whether it happens is the escalation module's mark. */
    public void recordEscalation(String reference, EscalationLevel level, LocalDate dueDate) {
        find(reference).recordEscalation(switch (level) {
            case REMINDER -> CaseEvent.Kind.REMINDED;
            case MANAGER -> CaseEvent.Kind.ESCALATED_TO_MANAGER;
            case PROCESS_OWNER -> CaseEvent.Kind.ESCALATED_TO_PROCESS_OWNER;
        }, level.name(), dueDate);
    }

    /** @param decision {@code reopen} or {@code keepClosed}, from "Bedöma återöppning" */
    public void assessReopening(String reference, String decision, String note, String officer) {
        find(reference).assessReopening("reopen".equals(decision), note, officer);
    }

    public void reopen(String reference, LocalDate dueDate) {
        find(reference).reopen(dueDate);
    }

    public void close(String reference) {
        find(reference).close(Instant.now(clock));
    }

    public CitizenCase find(String reference) {
        return cases.findByReference(reference).orElseThrow(() -> new CaseNotFoundException(reference));
    }

    static boolean samePlace(CitizenCase a, CitizenCase b) {
        if (a.latitude() != null && b.latitude() != null) {
            return distanceMetres(a.latitude(), a.longitude(), b.latitude(), b.longitude()) <= SAME_PLACE_METRES;
        }
        return a.address() != null && b.address() != null && normalise(a.address()).equals(normalise(b.address()));
    }

    private static String normalise(String address) {
        return address.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Haversine; plenty for "the same street light". */
    static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double earthRadius = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * earthRadius * Math.asin(Math.sqrt(h));
    }
}
