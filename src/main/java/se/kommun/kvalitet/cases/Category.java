package se.kommun.kvalitet.cases;

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
class Category {

    enum Kind { FEEDBACK, FAULT_REPORT }

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

    String code() {
        return code;
    }

    Kind kind() {
        return kind;
    }

    String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelSv;
    }

    String labelSv() {
        return labelSv;
    }

    String labelEn() {
        return labelEn;
    }
}
