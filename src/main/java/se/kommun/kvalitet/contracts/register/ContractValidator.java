package se.kommun.kvalitet.contracts.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.contracts.record.Area;
import se.kommun.kvalitet.contracts.record.Committees;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;
import se.kommun.kvalitet.contracts.record.OrganisationNumbers;
import se.kommun.kvalitet.shared.FieldError;

/** Every rule of a new contract, all checked at once so that one answer names every field to correct. */
@Component
class ContractValidator {

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");

    private final Committees committees;
    private final ContractRepository repository;
    private final IdentityService identityService;
    private final Clock clock;

    ContractValidator(Committees committees, ContractRepository repository, IdentityService identityService,
            Clock clock) {
        this.committees = committees;
        this.repository = repository;
        this.identityService = identityService;
        this.clock = clock;
    }

    Contract validate(NewContract in, String registeredBy) {
        List<FieldError> errors = new ArrayList<>();
        String number = trim(in.number());
        if (number == null || !NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("number", "format", "Avtalsnummer: 1-40 tecken, bokstäver, siffror, . / - "
                    + "/ contract number: 1-40 letters, digits, . / -"));
        } else if (repository.exists(number)) {
            errors.add(new FieldError("number", "duplicate", "Avtalsnumret finns redan / the contract number exists"));
        }
        String title = text(errors, "title", in.title(), 300);
        String supplier = text(errors, "supplier", in.supplier(), 300);
        String organisationNumber = trim(in.organisationNumber());
        if (!OrganisationNumbers.valid(organisationNumber)) {
            errors.add(new FieldError("organisationNumber", "organisation-number",
                    "Organisationsnummer NNNNNN-NNNN med giltig kontrollsiffra / organisation number NNNNNN-NNNN "
                            + "with a valid check digit"));
        }
        Area area = null;
        try {
            area = in.area() == null ? null : Area.valueOf(in.area().strip());
        } catch (IllegalArgumentException e) {
            area = null;
        }
        if (area == null) {
            errors.add(new FieldError("area", "unknown-area", "Område: HOME_CARE, ELDERLY_HOUSING, SCHOOL_TRANSPORT, "
                    + "DISABILITY_SUPPORT eller OTHER / area: one of those"));
        }
        String committee = trim(in.committee());
        if (committee == null || committees.find(committee).isEmpty()) {
            errors.add(new FieldError("committee", "unknown-committee", "Okänd nämnd; kända: "
                    + committees.committees().stream().map(Committees.Committee::id).toList()
                    + " / unknown committee"));
        }
        if (in.strategic() == null) {
            errors.add(new FieldError("strategic", "required", "Strategiskt: ja/nej (true/false) / strategic: yes/no"));
        }
        LocalDate start = date(errors, "start", in.start(), true);
        LocalDate end = date(errors, "end", in.end(), true);
        LocalDate extendedTo = date(errors, "extendedTo", in.extendedTo(), false);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("end", "end-before-start", "Slutdatum före startdatum / end before start"));
        }
        if (end != null && extendedTo != null && extendedTo.isBefore(end)) {
            errors.add(new FieldError("extendedTo", "extension-before-end",
                    "Förlängning före slutdatum / extension before the end"));
        }
        String email = trim(in.contactEmail());
        if (!email(email)) {
            errors.add(new FieldError("contactEmail", "email", "En e-postadress till leverantörens kontakt / one "
                    + "e-mail address of the supplier's contact"));
        }
        String manager = trim(in.contractManager());
        if (manager == null || identityService.createUserQuery().userId(manager).count() == 0) {
            errors.add(new FieldError("contractManager", "unknown-user", "Avtalsförvaltaren ska vara en användare "
                    + "/ the contract manager must be a user"));
        }
        Period interval = null;
        try {
            interval = in.followUpInterval() == null ? null : Period.parse(in.followUpInterval().strip());
        } catch (DateTimeParseException e) {
            interval = null;
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            errors.add(new FieldError("followUpInterval", "period", "Uppföljningsintervall som ISO-period, t.ex. "
                    + "P6M / follow-up interval as an ISO period, e.g. P6M"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidContractException(errors);
        }
        return new Contract(0, number, title, supplier, organisationNumber, area, committee, in.strategic(), start,
                end, extendedTo, email, manager, interval.normalized(), clock.instant(), registeredBy, null);
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        String text = trim(value);
        if (text == null || text.length() > max) {
            errors.add(new FieldError(field, "required", "Krävs, högst " + max + " tecken / required, at most "
                    + max + " characters"));
        }
        return text;
    }

    private static LocalDate date(List<FieldError> errors, String field, String value, boolean required) {
        String text = trim(value);
        if (text == null) {
            if (required) {
                errors.add(new FieldError(field, "required", "Datum ÅÅÅÅ-MM-DD krävs / date YYYY-MM-DD required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date", "Datum som ÅÅÅÅ-MM-DD / date as YYYY-MM-DD"));
            return null;
        }
    }

    private static boolean email(String address) {
        if (address == null || address.length() > 320) {
            return false;
        }
        try {
            new InternetAddress(address, true);
            return address.contains("@") && !address.contains(",") && !address.contains("<");
        } catch (AddressException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
