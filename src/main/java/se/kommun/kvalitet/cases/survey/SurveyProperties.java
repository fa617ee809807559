package se.kommun.kvalitet.cases.survey;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The satisfaction question's settings (kvalitet.survey): how long a link is valid, and the reasons a citizen may
 * pick after "nej", each saying whether it asks for the case to be reopened.
 */
@ConfigurationProperties("kvalitet.survey")
public record SurveyProperties(Duration validFor, List<Reason> reasons) {

    public record Reason(String code, String labelSv, String labelEn, boolean reopens) {

        public Reason {
            if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalArgumentException("kvalitet.survey.reasons: code must be 1-40 of A-Z, 0-9, _: "
                        + code);
            }
            if (labelSv == null || labelSv.isBlank() || labelEn == null || labelEn.isBlank()) {
                throw new IllegalArgumentException("kvalitet.survey.reasons: " + code + " needs label-sv and label-en");
            }
        }

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelSv;
        }
    }

    public SurveyProperties {
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("kvalitet.survey.valid-for must be a positive duration: " + validFor);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (new HashSet<>(reasons.stream().map(Reason::code).toList()).size() != reasons.size()) {
            throw new IllegalArgumentException("kvalitet.survey.reasons: codes must be unique");
        }
    }

    Optional<Reason> reason(String code) {
        return reasons.stream().filter(reason -> reason.code().equals(code)).findFirst();
    }
}
