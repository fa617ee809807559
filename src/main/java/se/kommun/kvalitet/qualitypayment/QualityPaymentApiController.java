package se.kommun.kvalitet.qualitypayment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.kommun.kvalitet.web.ProblemApi;

/** Indicators, results and periods of quality payment (docs/kvalitetspeng.md). */
@RestController
@ProblemApi
@RequestMapping(path = "/api/quality-payment", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class QualityPaymentApiController {

    private final QualityPaymentSettings settings;
    private final ResultRegister register;
    private final ResultCsvImport csvImport;
    private final QualityPeriods periods;
    private final QualityAccess access;
    private final PeriodReports reports;

    QualityPaymentApiController(QualityPaymentSettings settings, ResultRegister register, ResultCsvImport csvImport,
            QualityPeriods periods, QualityAccess access, PeriodReports reports) {
        this.settings = settings;
        this.register = register;
        this.csvImport = csvImport;
        this.periods = periods;
        this.access = access;
        this.reports = reports;
    }

    record NewPeriod(String period, String area) {
    }

    record PeriodDetails(QualityRepository.Period period, List<String> missing, List<QualityPeriods.Breakdown> payments) {
    }

    @GetMapping("/indicators")
    List<QualityPaymentSettings.Indicator> indicators(Authentication authentication) {
        access.requireStaff(QualityAccess.actor(authentication));
        return settings.indicators();
    }

    @PostMapping(path = "/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QualityRepository.Result> create(@RequestBody ResultInput input, Authentication authentication) {
        QualityAccess.Actor actor = QualityAccess.actor(authentication);
        access.requireStaff(actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(register.register(input, actor));
    }

    /** A correction: the same provider, period and indicator with the right value; refused once the period is decided. */
    @PutMapping(path = "/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    QualityRepository.Result correct(@RequestBody ResultInput input, Authentication authentication) {
        QualityAccess.Actor actor = QualityAccess.actor(authentication);
        access.requireStaff(actor);
        return register.correct(input, actor);
    }

    @PostMapping(path = "/results/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResultCsvImport.Report importCsv(@RequestPart("file") MultipartFile file, Authentication authentication)
            throws IOException {
        QualityAccess.Actor actor = QualityAccess.actor(authentication);
        access.requireStaff(actor);
        return csvImport.importCsv(file.getBytes(), actor);
    }

    @PostMapping(path = "/results/import", consumes = "text/csv")
    ResultCsvImport.Report importCsvBody(@RequestBody byte[] csv, Authentication authentication) {
        QualityAccess.Actor actor = QualityAccess.actor(authentication);
        access.requireStaff(actor);
        return csvImport.importCsv(csv, actor);
    }

    @PostMapping(path = "/periods", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QualityRepository.Period> start(@RequestBody NewPeriod period, Authentication authentication) {
        access.requireManager(QualityAccess.actor(authentication));
        QualityRepository.Period started = periods.start(period.period(), period.area(), authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/quality-payment/periods/" + started.period() + "/" + started.area()))
                .body(started);
    }

    @GetMapping("/periods/{period}/{area}")
    PeriodDetails read(@PathVariable String period, @PathVariable String area, Authentication authentication) {
        access.requireReader(QualityAccess.actor(authentication));
        QualityRepository.Period stored = stored(period, area);
        Tertial tertial = Tertial.parse(stored.period()).orElseThrow();
        return new PeriodDetails(stored, periods.missing(tertial, area), periods.breakdowns(stored));
    }

    /** The period report: per provider results, level, rate and amount against the previous tertial and the others. */
    @GetMapping("/periods/{period}/{area}/report")
    PeriodReports.PeriodReport report(@PathVariable String period, @PathVariable String area,
            Authentication authentication) {
        access.requireReader(QualityAccess.actor(authentication));
        return reports.report(stored(period, area));
    }

    /** The same as CSV for Excel (UTF-8 with BOM, {@code ;}, decimal comma), a row per provider and indicator. */
    @GetMapping(path = "/periods/{period}/{area}/report.csv", produces = "text/csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable String period, @PathVariable String area,
            Authentication authentication) {
        access.requireReader(QualityAccess.actor(authentication));
        PeriodReports.PeriodReport report = reports.report(stored(period, area));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kvalitetspeng-" + report.period() + "-" + report.area() + ".csv").build()
                        .toString())
                .body(reports.csv(report));
    }

    private QualityRepository.Period stored(String period, String area) {
        Tertial tertial = Tertial.parse(period).orElseThrow(() -> new QualityPeriods.PeriodRefusedException(
                "Okänd period / unknown period", false));
        return periods.period(tertial, area).orElseThrow(() ->
                new QualityPeriods.PeriodRefusedException("Perioden är inte startad / the period is not started",
                        false));
    }

    /** The responsible officer says the results are in: refused, naming each, while any is missing. */
    @PostMapping("/periods/{period}/{area}/computation")
    ResponseEntity<Void> compute(@PathVariable String period, @PathVariable String area,
            Authentication authentication) {
        access.requireStaff(QualityAccess.actor(authentication));
        periods.requestComputation(period, area);
        return ResponseEntity.accepted().location(URI.create("/api/quality-payment/periods/" + period + "/" + area))
                .build();
    }
}
