package se.kommun.kvalitet.cases.record;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category a citizen can choose; routing per category is in processes/case-routing.dmn. */
@Entity
@Table(name = "category")
public class Category {

    public enum Kind { FEEDBACK, FAULT_REPORT }

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "label_sv")
    private String labelSv;

    @Column(name = "label_en")
    private String labelEn;

    @Column(name = "sort_order")
    private int sortOrder;

    protected Category() {
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelSv;
    }

    String labelSv() {
        return labelSv;
    }

    String labelEn() {
        return labelEn;
    }
}
