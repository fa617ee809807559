package se.kommun.kvalitet.cases.survey;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import se.kommun.kvalitet.cases.record.CitizenCase;

/** One survey link sent with a feedback e-mail, and the one answer it may get. */
@Entity
@Table(name = "case_survey")
class CaseSurvey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private CitizenCase citizenCase;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private Boolean satisfied;
    private String reasons;

    @Column(name = "reopening_asked")
    private Boolean reopeningAsked;

    @Column(name = "answer_text")
    private String answerText;

    @Column(name = "contact_allowed")
    private Boolean contactAllowed;

    private String unit;
    private String category;

    protected CaseSurvey() {
    }

    CaseSurvey(CitizenCase citizenCase, String tokenHash, Instant sentAt, Instant validUntil) {
        this.citizenCase = citizenCase;
        this.tokenHash = tokenHash;
        this.sentAt = sentAt;
        this.validUntil = validUntil;
    }

    boolean open(Instant now) {
        return answeredAt == null && now.isBefore(validUntil);
    }

    void answer(Instant now, boolean satisfied, List<String> reasons, String text, boolean contactAllowed,
            boolean reopeningAsked) {
        this.answeredAt = now;
        this.satisfied = satisfied;
        this.reasons = reasons.isEmpty() ? null : String.join(",", reasons);
        this.answerText = text;
        this.contactAllowed = contactAllowed;
        this.reopeningAsked = reopeningAsked;
        this.unit = citizenCase.candidateGroup();
        this.category = citizenCase.category();
    }

    CitizenCase citizenCase() {
        return citizenCase;
    }

    Instant validUntil() {
        return validUntil;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    Boolean satisfied() {
        return satisfied;
    }

    List<String> reasons() {
        return reasons == null ? List.of() : Arrays.asList(reasons.split(","));
    }

    String answerText() {
        return answerText;
    }

    Boolean contactAllowed() {
        return contactAllowed;
    }
}
