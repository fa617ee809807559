package se.kommun.kvalitet.cases.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.FieldError;
import se.kommun.kvalitet.cases.FaultReportRejectedException;
import se.kommun.kvalitet.cases.FaultReports;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.Categories;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.cases.record.PublicCaseViews;

/** {@link FaultReports} on top of the one intake ({@link CaseIntake}) and the public read model. */
@Service
class FaultReportService implements FaultReports {

    private final CaseIntake intake;
    private final Categories categories;
    private final PublicCaseViews views;
    private final MessageSource messages;

    FaultReportService(CaseIntake intake, Categories categories, PublicCaseViews views,
            MessageSource messages) {
        this.intake = intake;
        this.categories = categories;
        this.views = views;
        this.messages = messages;
    }

    @Override
    @Transactional
    public Receipt submit(Report report) {
        NewCase matter = new NewCase(CaseType.FAULT_REPORT, report.category(), report.description(),
                new NewCase.Location(report.address(), report.latitude(), report.longitude()),
                new NewCase.Contact(report.name(), report.email(), report.phone()), report.language(), null);
        Locale locale = Locale.forLanguageTag("en".equals(report.language()) ? "en" : "sv");
        try {
            CaseIntake.Submission submission = intake.submit(matter, Channel.OPEN311, null, report.idempotencyKey(),
                    new CaseIntake.Origin(report.sourceApp(), report.mediaUrl()));
            return new Receipt(submission.reference(), submission.replayed());
        } catch (InvalidCaseException e) {
            throw new FaultReportRejectedException(e.errors().getFieldErrors().stream()
                    .map(error -> new FaultReportRejectedException.Problem(field(error),
                            messages.getMessage(error, locale)))
                    .toList());
        } catch (IdempotencyKeyReusedException e) {
            throw new FaultReportRejectedException(List.of(new FaultReportRejectedException.Problem("idempotencyKey",
                    messages.getMessage("open311.idempotencyKeyReused", null, locale))));
        }
    }

    @Override
    public List<FaultReports.Category> categories() {
        return categories.all().stream()
                .filter(category -> category.kind() == se.kommun.kvalitet.cases.record.Category.Kind.FAULT_REPORT)
                .map(category -> new FaultReports.Category(category.code(), category.label(Locale.forLanguageTag("sv")),
                        category.label(Locale.ENGLISH)))
                .toList();
    }

    @Override
    public Optional<PublicStatus> find(String reference) {
        return views.faultReport(reference);
    }

    @Override
    public List<PublicStatus> search(Query query) {
        return views.faultReports(query);
    }

    /** NewCase's nested paths as the flat names of {@link FaultReports.Report}. */
    private static String field(FieldError error) {
        String field = error.getField();
        return field.startsWith("location.") || field.startsWith("contact.")
                ? field.substring(field.indexOf('.') + 1) : field;
    }
}
