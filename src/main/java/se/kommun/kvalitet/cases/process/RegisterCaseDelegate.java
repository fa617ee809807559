package se.kommun.kvalitet.cases.process;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.InvalidCaseException;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.security.CamundaForm;
import se.kommun.kvalitet.security.RefusedInput;
import se.kommun.kvalitet.shared.ProcessVariable;

/**
 * "Registrera ärende": an officer started the process from Tasklist's start form (a letter, a phone call,
 * a visit). Turns the form's variables into a case and makes its reference the business key. A matter the case
 * rules refuse is refused as the officer's input (400, naming the form fields), and nothing is started.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

    /** NewCase's property paths as the start form's field keys. */
    private static final Map<String, String> FORM_FIELDS = Map.of("type", CaseProcess.CASE_TYPE.name(),
            "location", CaseProcess.ADDRESS.name(), "location.address", CaseProcess.ADDRESS.name(),
            "contact.name", CaseProcess.CONTACT_NAME.name(), "contact.email", CaseProcess.CONTACT_EMAIL.name(),
            "contact.phone", CaseProcess.CONTACT_PHONE.name(), "receivedAt", CaseProcess.RECEIVED_ON.name());

    private final CaseIntake intake;
    private final MessageSource messages;

    RegisterCaseDelegate(CaseIntake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String email = text(execution, CaseProcess.CONTACT_EMAIL);
        String name = text(execution, CaseProcess.CONTACT_NAME);
        String phone = text(execution, CaseProcess.CONTACT_PHONE);
        String address = text(execution, CaseProcess.ADDRESS);
        Date received = receivedDate(execution.getVariable(CaseProcess.RECEIVED_ON.name()));
        NewCase matter = new NewCase(
                CaseType.valueOf(text(execution, CaseProcess.CASE_TYPE)),
                text(execution, CaseProcess.CATEGORY),
                text(execution, CaseProcess.DESCRIPTION),
                address == null ? null : new NewCase.Location(address, null, null),
                new NewCase.Contact(name, email, phone),
                text(execution, CaseProcess.LANGUAGE),
                received == null ? null : received.toInstant());
        String officer = text(execution, CaseProcess.REGISTERED_BY);
        String reference;
        try {
            reference = intake.registerInRunningProcess(matter,
                    Channel.valueOf(text(execution, CaseProcess.CHANNEL)), officer);
        } catch (InvalidCaseException refused) {
            throw RefusedInput.submission(refused.errors().getFieldErrors().stream().map(this::problem).toList());
        }
        execution.setProcessBusinessKey(reference);
        CaseProcess.CASE_REFERENCE.set(execution, reference);
        CaseProcess.CASE_SUMMARY.set(execution, CaseProcess.summary(matter.description()));
        CaseProcess.RECEIVED_DATE.set(execution, received == null ? new Date() : received);
        // The case table holds these now; as variables they would only duplicate personal data.
        execution.removeVariables(Stream.of(CaseProcess.DESCRIPTION, CaseProcess.CONTACT_NAME,
                CaseProcess.CONTACT_EMAIL, CaseProcess.CONTACT_PHONE, CaseProcess.ADDRESS, CaseProcess.RECEIVED_ON)
                .map(ProcessVariable::name).toList());
    }

    private CamundaForm.Problem problem(FieldError error) {
        String field = FORM_FIELDS.getOrDefault(error.getField(), error.getField());
        return new CamundaForm.Problem(field, messages.getMessage(error, Locale.forLanguageTag("sv")),
                messages.getMessage(error, Locale.ENGLISH));
    }

    /** Camunda Forms' datetime field submits an ISO string; a date-only field "2026-04-02". */
    static Date receivedDate(Object value) {
        if (value == null || value instanceof Date) {
            return (Date) value;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() == 10) {
            return Date.from(java.time.LocalDate.parse(text)
                    .atStartOfDay(se.kommun.kvalitet.shared.ClockConfiguration.MUNICIPAL_ZONE).toInstant());
        }
        return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
    }

    /** Tolerant of a client's value type: a form or REST client may send a field as a number or boolean. */
    private static String text(DelegateExecution execution, ProcessVariable<String> variable) {
        Object value = execution.getVariable(variable.name());
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
