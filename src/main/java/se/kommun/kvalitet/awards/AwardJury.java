package se.kommun.kvalitet.awards;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The jury's side of a call, as the process's steps call it: closing the applications, each member's conflicts of
 * interest and scores (checked by {@link JuryScoring}, all or nothing), the ranking ({@link Ranking}), the chair's
 * proposal ({@link WinnerProposal}), the recorded decision and the outcome e-mails.
 */
@Service
class AwardJury {

    /** What closing found: the applications handed in and the jury that scores them. */
    record Closed(int applications, List<String> jury) {
    }

    /** An application as the jury reads it: criterion title → text, and the attachments. */
    record Reading(AwardRepository.StoredApplication application, String categoryName, Map<String, String> texts,
            List<AwardRepository.StoredAttachment> attachments) {
    }

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** A Camunda string variable holds at most 4,000 characters. */
    private static final int MAX_VARIABLE = 3_900;

    private final AwardRepository repository;
    private final Mailer mailer;
    private final ObjectMapper json;
    private final Clock clock;

    AwardJury(AwardRepository repository, Mailer mailer, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.mailer = mailer;
        this.json = json;
        this.clock = clock;
    }

    /** "Stäng ansökningar": from now on the page refuses applications to the call. */
    @Transactional
    Closed close(String callReference) {
        AwardRepository.StoredCall stored = call(callReference);
        repository.setStatus(stored.id(), AwardRepository.CallStatus.CLOSED);
        return new Closed(submitted(stored).size(), repository.jury(stored.id()));
    }

    /** Every submitted application as checklist options: value the reference, label with applicant and category. */
    List<Map<String, String>> conflictChoices(String callReference) {
        AwardRepository.StoredCall stored = call(callReference);
        return submitted(stored).stream().map(application -> Map.of("value", application.reference(),
                "label", label(stored.call(), application))).toList();
    }

    /** "Anmäla jäv" completed: the ticked references, each one of the call's applications. */
    @Transactional
    void recordConflicts(String callReference, String member, Object ticked) {
        AwardRepository.StoredCall stored = call(callReference);
        Set<String> known = submitted(stored).stream().map(AwardRepository.StoredApplication::reference)
                .collect(Collectors.toSet());
        Set<String> declared = new HashSet<>(references(ticked));
        List<FieldError> errors = declared.stream().filter(reference -> !known.contains(reference)).sorted()
                .map(reference -> new FieldError("declaredConflicts", "oneOf", reference
                        + " är inte en ansökan i utlysningen.")).toList();
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        repository.insertConflicts(stored.id(), member, declared, clock.instant());
    }

    /** The applications this member scores: every submitted one she declared no conflict on. */
    List<AwardRepository.StoredApplication> toScore(String callReference, String member) {
        AwardRepository.StoredCall stored = call(callReference);
        Set<String> conflicts = repository.conflicts(stored.id()).getOrDefault(member, Set.of());
        return submitted(stored).stream().filter(application -> !conflicts.contains(application.reference())).toList();
    }

    /** What the member reads above the scores: her applications and the call's criteria with their weights. */
    String scoringSheet(String callReference, String member) {
        AwardRepository.StoredCall stored = call(callReference);
        StringBuilder sheet = new StringBuilder("Kriterier: ");
        sheet.append(stored.call().criteria().stream().map(c -> c.code() + " " + c.title() + " (vikt " + c.weight()
                + ")").collect(Collectors.joining(", "))).append(".\n\nDina ansökningar (jäv undantaget):\n");
        for (AwardRepository.StoredApplication application : toScore(callReference, member)) {
            sheet.append("\n- ").append(label(stored.call(), application)).append(", /utmarkelser/ansokningar/")
                    .append(application.reference());
        }
        return truncated(sheet.toString());
    }

    /** The lines the member fills in: one per application and criterion, score and comment empty. */
    String scoringTemplate(String callReference, String member) {
        AwardRepository.StoredCall stored = call(callReference);
        StringBuilder lines = new StringBuilder();
        for (AwardRepository.StoredApplication application : toScore(callReference, member)) {
            for (Criterion criterion : stored.call().criteria()) {
                lines.append(application.reference()).append(';').append(criterion.code()).append(";;\n");
            }
        }
        return truncated(lines.toString());
    }

    /**
     * "Poängsätta ansökningar" completed: {@code reference;criterion;score;comment} per line. Every application of
     * hers on every criterion, 1–5 with a comment; an application she declared a conflict on refuses it all.
     */
    @Transactional
    List<Score> recordScores(String callReference, String member, String lines) {
        AwardRepository.StoredCall stored = call(callReference);
        Map<String, Set<String>> conflicts = repository.conflicts(stored.id());
        Set<String> submitted = submitted(stored).stream().map(AwardRepository.StoredApplication::reference)
                .collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        Map<String, Map<String, String>> comments = new LinkedHashMap<>();
        String[] rows = lines == null ? new String[0] : lines.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] parts = row.split(";", 4);
            String field = "juryScores[" + (i + 1) + "]";
            if (parts.length < 4) {
                errors.add(new FieldError(field, "format", "Rad " + (i + 1)
                        + ": skriv ansökan;kriterium;poäng;kommentar."));
                continue;
            }
            String application = parts[0].strip();
            if (!submitted.contains(application)) {
                errors.add(new FieldError(field, "unknown", "Rad " + (i + 1) + ": " + application
                        + " är inte en ansökan i utlysningen."));
                continue;
            }
            String score = parts[2].strip();
            Integer value = null;
            if (!score.isEmpty()) {
                try {
                    value = Integer.valueOf(score);
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(field, "range", "Rad " + (i + 1)
                            + ": poängen ska vara ett heltal från 1 till 5."));
                    continue;
                }
            }
            if (value != null) {
                values.computeIfAbsent(application, a -> new HashMap<>()).put(parts[1].strip(), value);
            } else {
                values.computeIfAbsent(application, a -> new HashMap<>());
            }
            String comment = parts[3].strip();
            if (!comment.isEmpty()) {
                comments.computeIfAbsent(application, a -> new HashMap<>()).put(parts[1].strip(), comment);
            }
        }
        Set<String> own = conflicts.getOrDefault(member, Set.of());
        List<Score> checked = new ArrayList<>();
        for (String application : submitted.stream().sorted().toList()) {
            if (own.contains(application) && !values.containsKey(application)) {
                continue;
            }
            try {
                checked.addAll(JuryScoring.check(stored.call(), conflicts, member, application,
                        values.getOrDefault(application, Map.of()), comments.getOrDefault(application, Map.of())));
            } catch (InvalidAwardInputException refused) {
                refused.errors().forEach(error -> errors.add(new FieldError(application + "." + error.field(),
                        error.rule(), application + ": " + error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        repository.insertScores(stored.id(), checked, clock.instant());
        return checked;
    }

    /** A submitted application for a reader who may see it: not a jury member with a conflict of interest on it. */
    Optional<Reading> reading(String applicationReference, String reader) {
        return repository.application(applicationReference)
                .filter(application -> application.status() == AwardRepository.ApplicationStatus.SUBMITTED)
                .flatMap(application -> repository.call(application.callId()).map(stored -> {
                    Map<String, String> texts = new LinkedHashMap<>();
                    stored.call().criteria().forEach(c -> texts.put(c.code() + " " + c.title(),
                            application.answers().get(c.code())));
                    String category = stored.call().categories().stream()
                            .filter(c -> c.code().equals(application.category())).map(Category::name).findFirst()
                            .orElse(application.category());
                    boolean conflicted = repository.conflicts(stored.id()).getOrDefault(reader, Set.of())
                            .contains(applicationReference);
                    return conflicted ? null : new Reading(application, category, texts,
                            repository.attachments(application.id()));
                }));
    }

    /** The ranking by weighted mean of every submitted application, once the jury is complete. */
    List<Ranking.Ranked> ranking(String callReference) {
        AwardRepository.StoredCall stored = call(callReference);
        return Ranking.rank(stored.call().criteria(), submitted(stored).stream()
                .map(AwardRepository.StoredApplication::reference).toList(), repository.scores(stored.id()));
    }

    /** The ranking as the chair reads it in Tasklist, one line per place. */
    String rankingText(String callReference) {
        AwardRepository.StoredCall stored = call(callReference);
        Map<String, AwardRepository.StoredApplication> byReference = byReference(stored);
        StringBuilder text = new StringBuilder();
        for (Ranking.Ranked ranked : ranking(callReference)) {
            text.append("\n").append(ranked.place()).append(". ").append(label(stored.call(),
                    byReference.get(ranked.application()))).append(": ").append(ranked.shown());
        }
        return truncated(text.toString().strip());
    }

    /** Each category's first place, for the chair to motivate or change. */
    String proposalTemplate(String callReference) {
        AwardRepository.StoredCall stored = call(callReference);
        Map<String, AwardRepository.StoredApplication> byReference = byReference(stored);
        Set<String> categories = new HashSet<>();
        StringBuilder lines = new StringBuilder();
        for (Ranking.Ranked ranked : ranking(callReference)) {
            if (categories.add(byReference.get(ranked.application()).category())) {
                lines.append(ranked.application()).append(": \n");
            }
        }
        return lines.toString();
    }

    /** "Föreslå vinnare": {@code reference: motivation} per line, checked by {@link WinnerProposal}. */
    Map<String, String> proposal(String callReference, String lines) {
        Map<String, String> motivations = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        String[] rows = lines == null ? new String[0] : lines.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            int colon = row.indexOf(':');
            if (colon < 0) {
                errors.add(new FieldError("winnerMotivations[" + (i + 1) + "]", "format", "Rad " + (i + 1)
                        + ": skriv ansökan: motivering."));
                continue;
            }
            motivations.put(row.substring(0, colon).strip(), row.substring(colon + 1).strip());
        }
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        return WinnerProposal.check(ranking(callReference), motivations);
    }

    /** "Registrera beslut": the winners with the jury's motivation; the call becomes public on "goda exempel". */
    @Transactional
    void recordDecision(String callReference, String lines, String decidedBy) {
        AwardRepository.StoredCall stored = call(callReference);
        List<AwardRepository.Winner> winners = proposal(callReference, lines).entrySet().stream()
                .map(entry -> new AwardRepository.Winner(entry.getKey(), entry.getValue())).toList();
        repository.recordDecision(stored.id(), winners, clock.instant(), decidedBy == null ? "system" : decidedBy);
    }

    /** "Meddela de sökande": each applicant the outcome, winners with the jury's motivation; once per application. */
    void sendOutcome(String callReference) {
        AwardRepository.StoredCall stored = call(callReference);
        Map<String, String> winners = repository.winners(stored.id()).stream().collect(Collectors.toMap(
                AwardRepository.Winner::application, AwardRepository.Winner::motivation));
        for (AwardRepository.StoredApplication application : submitted(stored)) {
            Map<String, Object> model = new HashMap<>();
            model.put("reference", application.reference());
            model.put("call", callReference);
            model.put("applicant", application.applicant());
            model.put("winner", winners.containsKey(application.reference()));
            model.put("motivation", winners.get(application.reference()));
            model.put("shared", application.shareAllowed());
            mailer.send(new OutgoingMail(application.reference() + "/outcome", application.contactEmail(),
                    "award-outcome", SWEDISH, model));
        }
    }

    List<String> references(Object ticked) {
        if (ticked == null) {
            return List.of();
        }
        try {
            List<Object> values = ticked instanceof List<?> ? json.convertValue(ticked, new TypeReference<>() { })
                    : json.readValue(ticked.toString(), new TypeReference<>() { });
            return values.stream().map(value -> value.toString().strip()).toList();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidAwardInputException(List.of(new FieldError("declaredConflicts", "format",
                    "Ange ansökningarna som en lista av referenser.")));
        }
    }

    String choicesJson(List<Map<String, String>> choices) {
        try {
            return json.writeValueAsString(choices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The choices could not be written", e);
        }
    }

    private AwardRepository.StoredCall call(String reference) {
        return repository.call(reference).orElseThrow(() -> new IllegalStateException("No award call " + reference));
    }

    private List<AwardRepository.StoredApplication> submitted(AwardRepository.StoredCall stored) {
        return repository.applications(stored.id(), AwardRepository.ApplicationStatus.SUBMITTED);
    }

    private Map<String, AwardRepository.StoredApplication> byReference(AwardRepository.StoredCall stored) {
        return submitted(stored).stream().collect(Collectors.toMap(AwardRepository.StoredApplication::reference,
                application -> application));
    }

    private static String label(AwardCall call, AwardRepository.StoredApplication application) {
        String category = call.categories().stream().filter(c -> c.code().equals(application.category()))
                .map(Category::name).findFirst().orElse(application.category());
        return application.reference() + " " + application.applicant() + " (" + category + ")";
    }

    private static String truncated(String text) {
        return text.length() <= MAX_VARIABLE ? text : text.substring(0, MAX_VARIABLE) + " …";
    }
}
