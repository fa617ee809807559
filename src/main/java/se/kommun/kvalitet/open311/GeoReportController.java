package se.kommun.kvalitet.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.cases.FaultReportRejectedException;
import se.kommun.kvalitet.cases.FaultReports;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): discovery, services, service definitions, and
 * service requests, each as {@code .json} or {@code .xml}. Public: the writing call checks its {@code api_key}
 * here, not with HTTP Basic. Only fault reports are offered and shown, never a reporter's personal data.
 */
@RestController
@RequestMapping("/open311/v2")
class GeoReportController {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_REQUESTS = 1000;
    static final Duration MAX_RANGE = Duration.ofDays(90);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String FORMAT_ATTRIBUTE = GeoReportController.class.getName() + ".format";
    private static final String LOCALE_ATTRIBUTE = GeoReportController.class.getName() + ".locale";

    private final FaultReports faultReports;
    private final ApiKeys keys;
    private final Open311Properties properties;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;

    GeoReportController(FaultReports faultReports, ApiKeys keys, Open311Properties properties, MessageSource messages,
            ObjectMapper json, Clock clock, @Value("${kvalitet.public-base-url}") String publicBaseUrl) {
        this.faultReports = faultReports;
        this.keys = keys;
        this.properties = properties;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.baseUrl = publicBaseUrl.replaceAll("/+$", "") + "/open311/v2";
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Format answer = start(format, null, request);
        Map<String, Object> endpoint = fields("specification", SPECIFICATION, "url", baseUrl,
                "changeset", w3c(properties.changeset()), "type", "production",
                "formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = fields("changeset", w3c(properties.changeset()),
                "contact", properties.contact(), "key_service", properties.keyService(), "endpoints", List.of(endpoint));
        return answer.answer(HttpStatus.OK, json, "discovery", null, json.valueToTree(discovery));
    }

    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
        Format answer = start(format, jurisdiction, request);
        Locale locale = locale(request);
        List<Map<String, Object>> services = faultReports.categories().stream().map(category -> fields(
                "service_code", category.code(),
                "service_name", category.label(locale),
                "description", messages.getMessage("open311.serviceDescription", new Object[] {category.label(locale)},
                        locale),
                "metadata", !properties.attributesOf(category.code()).isEmpty(),
                "type", "realtime",
                "keywords", String.join(", ", messages.getMessage("open311.group", null, locale).toLowerCase(locale),
                        category.label(locale).toLowerCase(locale)),
                "group", messages.getMessage("open311.group", null, locale))).toList();
        return answer.answer(HttpStatus.OK, json, "services", "service", json.valueToTree(services));
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<byte[]> serviceDefinition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
        Format answer = start(format, jurisdiction, request);
        Locale locale = locale(request);
        FaultReports.Category category = category(code, locale);
        List<Open311Properties.Attribute> attributes = properties.attributesOf(category.code());
        List<Map<String, Object>> definitions = new java.util.ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            Open311Properties.Attribute attribute = attributes.get(i);
            definitions.add(fields("variable", true, "code", attribute.code(),
                    "datatype", attribute.datatype().name().toLowerCase(Locale.ROOT),
                    "required", attribute.required(), "datatype_description", null, "order", i + 1,
                    "description", attribute.description(locale),
                    "values", attribute.values().isEmpty() ? null : attribute.values().stream()
                            .map(value -> fields("key", value.key(), "name", value.name(locale))).toList()));
        }
        return answer.answer(HttpStatus.OK, json, "service_definition", null,
                json.valueToTree(fields("service_code", category.code(), "attributes", definitions)));
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> submit(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false)
            String idempotencyKey, HttpServletRequest request) {
        Format answer = start(format, form.getFirst("jurisdiction_id"), request);
        Locale locale = locale(request);
        MediaType contentType = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.contentType", locale);
        }
        ApiKeys.Client client = keys.authenticate(form.getFirst("api_key"))
                .orElseThrow(() -> refusal(HttpStatus.FORBIDDEN, "open311.error.apiKey", locale));
        String serviceCode = text(form, "service_code");
        if (serviceCode == null) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.serviceCodeMissing", locale);
        }
        FaultReports.Category category = category(serviceCode, locale);
        String description = text(form, "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.descriptionTooLong", locale,
                    String.valueOf(MAX_DESCRIPTION));
        }
        Optional<String> answers = AttributeAnswers.read(properties.attributesOf(category.code()), form, messages, locale);
        if (answers.isPresent()) {
            description = description == null ? answers.get() : description + "\n\n" + answers.get();
        }
        String mediaUrl = mediaUrl(text(form, "media_url"), locale);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.idempotencyKey", locale);
        }
        String name = Arrays.asList(text(form, "first_name"), text(form, "last_name")).stream()
                .filter(part -> part != null).collect(Collectors.joining(" "));
        FaultReports.Report report = new FaultReports.Report(category.code(), description, text(form, "address_string"),
                number(form, "lat", locale), number(form, "long", locale), name.isEmpty() ? null : name,
                text(form, "email"), text(form, "phone"), locale.getLanguage(), mediaUrl, client.name(),
                // Scoped to the app: two apps may well pick the same key.
                idempotencyKey == null ? null : "open311:" + client.id() + ":" + idempotencyKey);
        FaultReports.Receipt receipt;
        try {
            receipt = faultReports.submit(report);
        } catch (FaultReportRejectedException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, e.problems().stream()
                    .map(problem -> open311Name(problem.field()) + ": " + problem.message()).toList());
        }
        Map<String, Object> created = fields("service_request_id", receipt.reference(),
                "service_notice", messages.getMessage("open311.notice", new Object[] {receipt.reference()}, locale),
                "account_id", text(form, "account_id"));
        return answer.answer(HttpStatus.OK, json, "service_requests", "request", json.valueToTree(List.of(created)));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String status, HttpServletRequest request) {
        Format answer = start(format, jurisdiction, request);
        Locale locale = locale(request);
        FaultReports.Query query;
        List<String> references = list(ids);
        if (!references.isEmpty()) {
            // The specification: with service_request_id, every other criterion is ignored.
            query = new FaultReports.Query(references, List.of(), null, null, null, MAX_REQUESTS);
        } else {
            Instant start = moment(startDate, "start_date", locale);
            Instant end = moment(endDate, "end_date", locale);
            if (start == null && end == null) {
                end = Instant.now(clock);
            }
            if (start == null) {
                start = end.minus(MAX_RANGE);
            } else if (end == null) {
                end = start.plus(MAX_RANGE);
            }
            if (!start.isBefore(end)) {
                throw refusal(HttpStatus.BAD_REQUEST, "open311.error.dateOrder", locale);
            }
            if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                throw refusal(HttpStatus.BAD_REQUEST, "open311.error.dateRange", locale,
                        String.valueOf(MAX_RANGE.toDays()));
            }
            query = new FaultReports.Query(List.of(), list(serviceCodes), start, end, open(status, locale), MAX_REQUESTS);
        }
        return requestsAnswer(answer, faultReports.search(query), locale);
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
        Format answer = start(format, jurisdiction, request);
        Locale locale = locale(request);
        FaultReports.PublicStatus status = faultReports.find(id)
                .orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "open311.error.requestUnknown", locale, id));
        return requestsAnswer(answer, List.of(status), locale);
    }

    /** Errors in the format the path asked for (JSON if it named none we know), as GeoReport v2 describes. */
    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        Format format = (Format) request.getAttribute(FORMAT_ATTRIBUTE);
        List<Map<String, Object>> errors = e.descriptions().stream()
                .map(description -> fields("code", e.status().value(), "description", description)).toList();
        return (format == null ? Format.JSON : format).answer(e.status(), json, "errors", "error", json.valueToTree(errors));
    }

    private ResponseEntity<byte[]> requestsAnswer(Format answer, List<FaultReports.PublicStatus> statuses,
            Locale locale) {
        Map<String, String> names = faultReports.categories().stream()
                .collect(Collectors.toMap(FaultReports.Category::code, category -> category.label(locale)));
        List<Map<String, Object>> requests = statuses.stream().map(status -> fields(
                "service_request_id", status.reference(),
                "status", status.open() ? "open" : "closed",
                "status_notes", notes(status, locale),
                "service_name", names.getOrDefault(status.category(), status.category()),
                "service_code", status.category(),
                "agency_responsible", status.unit(),
                "requested_datetime", w3c(status.requestedAt()),
                "updated_datetime", w3c(status.updatedAt()),
                "expected_datetime", w3c(status.expectedAt()),
                "address", status.address(),
                "lat", status.latitude(),
                "long", status.longitude(),
                "media_url", status.mediaUrl())).toList();
        return answer.answer(HttpStatus.OK, json, "service_requests", "request", json.valueToTree(requests));
    }

    /** The public status text: the answer to the reporter once closed; never an officer's internal notes. */
    private String notes(FaultReports.PublicStatus status, Locale locale) {
        if (status.open()) {
            return messages.getMessage("open311.notes.open", null, locale);
        }
        if (status.linkedReference() != null) {
            return messages.getMessage("open311.notes.linked", new Object[] {status.linkedReference()}, locale);
        }
        return status.publicAnswer() != null ? status.publicAnswer()
                : messages.getMessage("open311.notes.closed", null, locale);
    }

    /** Checks the format and the jurisdiction, and remembers both for the error answer. */
    private Format start(String suffix, String jurisdiction, HttpServletRequest request) {
        Format format = Format.of(suffix);
        Locale locale = locale(request);
        if (format == null) {
            throw refusal(HttpStatus.NOT_FOUND, "open311.error.format", locale);
        }
        request.setAttribute(FORMAT_ATTRIBUTE, format);
        if (jurisdiction != null && !jurisdiction.equals(properties.jurisdictionId())) {
            throw refusal(HttpStatus.NOT_FOUND, "open311.error.jurisdiction", locale, jurisdiction);
        }
        return format;
    }

    /** {@code locale} (e.g. en_US) or Accept-Language; Swedish unless English is asked for. */
    private static Locale locale(HttpServletRequest request) {
        Locale cached = (Locale) request.getAttribute(LOCALE_ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Locale locale = SWEDISH;
        String asked = request.getParameter("locale");
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        try {
            if (asked != null && !asked.isBlank()) {
                locale = Locale.forLanguageTag(asked.strip().replace('_', '-')).getLanguage().equals("en")
                        ? Locale.ENGLISH : SWEDISH;
            } else if (header != null && !header.isBlank()) {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(header), List.of("sv", "en"));
                locale = "en".equals(match) ? Locale.ENGLISH : SWEDISH;
            }
        } catch (IllegalArgumentException e) {
            // A malformed Accept-Language: Swedish, as for none.
            locale = SWEDISH;
        }
        request.setAttribute(LOCALE_ATTRIBUTE, locale);
        return locale;
    }

    private FaultReports.Category category(String code, Locale locale) {
        return faultReports.categories().stream().filter(category -> category.code().equals(code)).findFirst()
                .orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "open311.error.serviceUnknown", locale, code));
    }

    private Open311Exception refusal(HttpStatus status, String code, Locale locale, Object... arguments) {
        return new Open311Exception(status, messages.getMessage(code, arguments, locale));
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Double number(MultiValueMap<String, String> form, String name, Locale locale) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.number", locale, name);
        }
    }

    private String mediaUrl(String value, Locale locale) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (value.length() <= 2000 && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return value;
            }
        } catch (URISyntaxException e) {
            // Refused below, like any other address that is not http(s).
        }
        throw refusal(HttpStatus.BAD_REQUEST, "open311.error.mediaUrl", locale);
    }

    private Instant moment(String value, String name, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded "+02:00" in a query string arrives as " 02:00".
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.date", locale, name);
        }
    }

    private Boolean open(String status, Locale locale) {
        List<String> wanted = list(status);
        if (wanted.stream().anyMatch(value -> !value.equals("open") && !value.equals("closed"))) {
            throw refusal(HttpStatus.BAD_REQUEST, "open311.error.status", locale);
        }
        return wanted.size() == 1 ? wanted.get(0).equals("open") : null;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static String w3c(Instant moment) {
        return moment == null ? null
                : moment.truncatedTo(ChronoUnit.SECONDS).atZone(ClockConfiguration.MUNICIPAL_ZONE).format(W3C);
    }

    /** The fields of GeoReport v2 in the specification's order; null values are left out. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    private static String open311Name(String field) {
        return switch (field) {
            case "category" -> "service_code";
            case "address" -> "address_string";
            case "latitude" -> "lat";
            case "longitude" -> "long";
            case "location" -> "lat/long/address_string";
            case "name" -> "first_name/last_name";
            case "mediaUrl" -> "media_url";
            case "idempotencyKey" -> "Idempotency-Key";
            default -> field;
        };
    }
}
