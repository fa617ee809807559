package se.kommun.kvalitet.cases.answertemplates;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A standard text (svarsmall) for one category and step, in Swedish and English, with placeholders. */
@Entity
@Table(name = "answer_template")
public class AnswerTemplate {

    /** Where in the handling a template is offered. */
    public enum Step {
        FEEDBACK, SUPPLEMENT_REQUEST, FORWARDED, DUPLICATE_LINKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String category;

    @Enumerated(EnumType.STRING)
    private Step step;

    private String title;

    @Column(name = "text_sv")
    private String textSv;

    @Column(name = "text_en")
    private String textEn;

    private boolean active;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private int version;

    protected AnswerTemplate() {
    }

    AnswerTemplate(AnswerTemplateDraft draft, Instant now, String editor) {
        apply(draft, now, editor);
    }

    void apply(AnswerTemplateDraft draft, Instant now, String editor) {
        this.category = draft.category();
        this.step = draft.step();
        this.title = draft.title().strip();
        this.textSv = draft.textSv().strip();
        this.textEn = draft.textEn().strip();
        this.active = draft.active() == null || draft.active();
        this.sortOrder = draft.sortOrder() == null ? 0 : draft.sortOrder();
        this.updatedAt = now;
        this.updatedBy = editor;
    }

    public Long id() {
        return id;
    }

    public String category() {
        return category;
    }

    public Step step() {
        return step;
    }

    public String title() {
        return title;
    }

    public String textSv() {
        return textSv;
    }

    public String textEn() {
        return textEn;
    }

    String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textSv;
    }

    public boolean active() {
        return active;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
