package se.kommun.kvalitet.cases.record;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a case's history, shown to officers and (in part) on the status page. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    public enum Kind {
        RECEIVED, ROUTED, REROUTED, INVESTIGATED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, SUPPLEMENT_TIMED_OUT,
        CITIZEN_INFORMATION, FORWARDED, MEASURES_DECIDED, FEEDBACK_WRITTEN, LINKED, REMINDED, ESCALATED_TO_MANAGER,
        ESCALATED_TO_PROCESS_OWNER, MAIL_SENT, ATTACHMENT_ADDED, CLOSED, SURVEY_ANSWERED, REOPENED, KEPT_CLOSED, ANSWER_TEMPLATE_USED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private CitizenCase citizenCase;

    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String actor;
    private String detail;

    protected CaseEvent() {
    }

    CaseEvent(CitizenCase citizenCase, Kind kind, String actor, String detail) {
        this.citizenCase = citizenCase;
        this.occurredAt = Instant.now();
        this.kind = kind;
        this.actor = actor;
        this.detail = detail;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    public Kind kind() {
        return kind;
    }

    String actor() {
        return actor;
    }

    String detail() {
        return detail;
    }
}
