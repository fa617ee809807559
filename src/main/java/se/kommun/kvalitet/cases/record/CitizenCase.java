package se.kommun.kvalitet.cases.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kommun.kvalitet.cases.intake.NewCase;

/** A synpunkt or felanmälan and what was done with it. */
@Entity
@Table(name = "citizen_case")
public class CitizenCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Enumerated(EnumType.STRING)
    private CaseType type;

    private String category;
    private String description;
    private String address;
    private Double latitude;
    private Double longitude;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    private String language;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "registered_by")
    private String registeredBy;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Column(name = "candidate_group")
    private String candidateGroup;

    @Column(name = "manager_group")
    private String managerGroup;

    private String priority;

    @Column(name = "due_date")
    private LocalDate dueDate;

    private String findings;
    private String measures;

    @Column(name = "root_cause")
    private String rootCause;

    private String feedback;

    @Column(name = "forwarded_to")
    private String forwardedTo;

    @Column(name = "linked_reference")
    private String linkedReference;

    @Column(name = "escalation_level")
    private String escalationLevel;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "request_hash")
    private String requestHash;

    @Column(name = "source_app")
    private String sourceApp;

    @Column(name = "media_url")
    private String mediaUrl;

    @Version
    private int version;

    @OneToMany(mappedBy = "citizenCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredAt, id")
    private List<CaseEvent> events = new ArrayList<>();

    protected CitizenCase() {
    }

    public CitizenCase(String reference, NewCase matter, Channel channel, Instant registeredAt, String registeredBy) {
        this.reference = reference;
        this.type = matter.type();
        this.category = matter.category();
        this.description = matter.description();
        if (matter.location() != null) {
            this.address = matter.location().address();
            this.latitude = matter.location().latitude();
            this.longitude = matter.location().longitude();
        }
        if (matter.contact() != null) {
            this.contactName = matter.contact().name();
            this.contactEmail = matter.contact().email();
            this.contactPhone = matter.contact().phone();
        }
        this.language = matter.language();
        this.channel = channel;
        this.receivedAt = matter.receivedAt() == null ? registeredAt : matter.receivedAt();
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        this.status = CaseStatus.RECEIVED;
        record(CaseEvent.Kind.RECEIVED, registeredBy, channel.name());
    }

    public void rememberIdempotency(String key, String hash) {
        this.idempotencyKey = key;
        this.requestHash = hash;
    }

    /** The client application (an Open311 key's name) that sent the case, and the photo link it sent. */
    public void cameFrom(String sourceApp, String mediaUrl) {
        this.sourceApp = sourceApp;
        this.mediaUrl = mediaUrl;
    }

    void route(String candidateGroup, String managerGroup, String priority, LocalDate dueDate) {
        boolean rerouted = this.candidateGroup != null && !this.candidateGroup.equals(candidateGroup);
        this.candidateGroup = candidateGroup;
        this.managerGroup = managerGroup;
        this.priority = priority;
        this.dueDate = dueDate;
        if (status == CaseStatus.RECEIVED) {
            status = CaseStatus.IN_PROGRESS;
        }
        record(rerouted ? CaseEvent.Kind.REROUTED : CaseEvent.Kind.ROUTED, null, candidateGroup);
    }

    void moveDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    void awaitCitizen(String question, String officer) {
        status = CaseStatus.WAITING_FOR_CITIZEN;
        record(CaseEvent.Kind.SUPPLEMENT_REQUESTED, officer, question);
    }

    void resumeAfterSupplement(boolean answered) {
        status = CaseStatus.IN_PROGRESS;
        record(answered ? CaseEvent.Kind.SUPPLEMENT_RECEIVED : CaseEvent.Kind.SUPPLEMENT_TIMED_OUT, null, null);
    }

    void addCitizenInformation(String text) {
        record(CaseEvent.Kind.CITIZEN_INFORMATION, "citizen", text);
    }

    void documentFindings(String findings, String officer) {
        this.findings = findings;
        record(CaseEvent.Kind.INVESTIGATED, officer, null);
    }

    void forwardTo(String authority, String officer) {
        this.forwardedTo = authority;
        record(CaseEvent.Kind.FORWARDED, officer, authority);
    }

    void decideMeasures(String measures, String rootCause, String officer) {
        this.measures = measures;
        this.rootCause = rootCause;
        record(CaseEvent.Kind.MEASURES_DECIDED, officer, rootCause);
    }

    void answer(String feedback, String officer) {
        this.feedback = feedback;
        record(CaseEvent.Kind.FEEDBACK_WRITTEN, officer, null);
    }

    void linkTo(String openCaseReference) {
        this.linkedReference = openCaseReference;
        this.status = CaseStatus.LINKED;
        this.closedAt = Instant.now();
        record(CaseEvent.Kind.LINKED, null, openCaseReference);
    }

    void close(Instant when) {
        this.status = CaseStatus.CLOSED;
        this.closedAt = when;
        record(CaseEvent.Kind.CLOSED, null, null);
    }

    /** "Bedöma återöppning" decided: the officer and the note the citizen is told. */
    void assessReopening(boolean reopen, String note, String officer) {
        record(reopen ? CaseEvent.Kind.REOPENED : CaseEvent.Kind.KEPT_CLOSED, officer, note);
    }

    /** Back to handling after the citizen's "nej": open again, with the new due date. */
    void reopen(LocalDate dueDate) {
        this.status = CaseStatus.IN_PROGRESS;
        this.closedAt = null;
        this.dueDate = dueDate;
    }

    /**
     * The latest reminder or escalation, as {@code LEVEL@due date}, and its history line. Called once per level
     * and due date: the escalation module keeps the mark that prevents repeats.
     */
    void recordEscalation(CaseEvent.Kind kind, String level, LocalDate escalatedDueDate) {
        escalationLevel = level + "@" + escalatedDueDate;
        record(kind, null, String.valueOf(escalatedDueDate));
    }

    public void record(CaseEvent.Kind kind, String actor, String detail) {
        events.add(new CaseEvent(this, kind, actor, detail));
    }

    boolean isOpen() {
        return closedAt == null;
    }

    public boolean hasEmail() {
        return contactEmail != null && !contactEmail.isBlank();
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public CaseType type() {
        return type;
    }

    public String category() {
        return category;
    }

    public String description() {
        return description;
    }

    String address() {
        return address;
    }

    Double latitude() {
        return latitude;
    }

    Double longitude() {
        return longitude;
    }

    public String contactName() {
        return contactName;
    }

    public String contactEmail() {
        return contactEmail;
    }

    String contactPhone() {
        return contactPhone;
    }

    String language() {
        return language;
    }

    public Channel channel() {
        return channel;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public CaseStatus status() {
        return status;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    String managerGroup() {
        return managerGroup;
    }

    String priority() {
        return priority;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    String findings() {
        return findings;
    }

    public String measures() {
        return measures;
    }

    public String rootCause() {
        return rootCause;
    }

    public String feedback() {
        return feedback;
    }

    public String forwardedTo() {
        return forwardedTo;
    }

    public String linkedReference() {
        return linkedReference;
    }

    public String escalationLevel() {
        return escalationLevel;
    }

    Instant closedAt() {
        return closedAt;
    }

    public String sourceApp() {
        return sourceApp;
    }

    public String requestHash() {
        return requestHash;
    }

    public List<CaseEvent> events() {
        return events;
    }
}
