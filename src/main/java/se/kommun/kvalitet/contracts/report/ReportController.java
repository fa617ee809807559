package se.kommun.kvalitet.contracts.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import se.kommun.kvalitet.contracts.api.ReportAccess;

/**
 * {@code GET /api/reports/strategic-contracts?year=}: the same Thymeleaf page as HTML ({@code Accept: text/html})
 * or as a tagged PDF (PDF/UA structure, embedded DejaVu Sans so that the text extracts, {@code application/pdf}).
 */
@RestController
public class ReportController {

    private static final java.net.URL STYLESHEET = ReportController.class
            .getResource("/static/css/strategic-contracts.css");

    private final StrategicContractsReport report;
    private final TemplateEngine templates;
    private final ReportAccess access;

    ReportController(StrategicContractsReport report, TemplateEngine templates, ReportAccess access) {
        this.report = report;
        this.templates = templates;
        this.access = access;
    }

    @GetMapping(path = "/api/reports/strategic-contracts", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@RequestParam int year, Authentication authentication) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(render(year, authentication, null));
    }

    @GetMapping(path = "/api/reports/strategic-contracts", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@RequestParam int year, Authentication authentication) throws IOException {
        String html = render(year, authentication, STYLESHEET.toExternalForm());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessbility(true);
        builder.useFont(() -> ReportController.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans",
                400, PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> ReportController.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans",
                700, PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(html, "/");
        builder.toStream(pdf);
        builder.run();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"strategiska-avtal-" + year + ".pdf\"")
                .body(pdf.toByteArray());
    }

    /** @param stylesheet where the PDF renderer reads the CSS; null on the web page, which links it */
    private String render(int year, Authentication authentication, String stylesheet) {
        if (!access.readsReport(authentication)) {
            throw new AccessDeniedException("Contract managers, committees' officers and process owners only");
        }
        if (year < 2000 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year must be 2000-2100");
        }
        Context context = new Context(Locale.forLanguageTag("sv"));
        context.setVariable("report", report.build(year));
        context.setVariable("stylesheet", stylesheet);
        return templates.process("reports/strategic-contracts", context);
    }
}
