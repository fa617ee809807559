package se.kommun.kvalitet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * Must show (issue 18): a CSV import of 15 strategic contracts, follow-ups that find deficiencies in 3 (the seed's
 * hemtjänst, vård- och omsorgsboende and skolskjuts), and the year's report as HTML and as a PDF whose extracted
 * text holds every title and those 3 contracts' deficiency areas. The year is one no other test uses (2031).
 */
@KvalitetIntegrationTest
class StrategicContractsReportTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final int YEAR = 2031;
    static final Map<Integer, List<Map<String, String>>> DEFICIENT = Map.of(
            0, List.of(deficiency("kvalitetsledningssystem"), deficiency("utbildningsnivå"),
                    deficiency("dokumentation"), deficiency("tidsregistrering"), deficiency("språkkunskaper")),
            1, List.of(deficiency("kvalitetsledningssystem"), deficiency("rapportering"),
                    deficiency("genomförandeplaner"), deficiency("språkkunskaper")),
            2, List.of(deficiency("förseningar"), deficiency("fakturering")));

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService taskService;

    @Autowired
    SettableClock clock;

    @BeforeEach
    void pin() {
        clock.pin(ZonedDateTime.of(YEAR, 3, 10, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void fifteenStrategicContractsThreeWithDeficienciesAsHtmlAndPdf() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<String> numbers = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        StringBuilder csv = new StringBuilder("\uFEFF" + String.join(";", ContractApiTest.CSV_HEADER) + "\n");
        String[] areas = {"HOME_CARE", "ELDERLY_HOUSING", "SCHOOL_TRANSPORT", "DISABILITY_SUPPORT", "OTHER"};
        String[] names = {"Hemtjänst", "Vård- och omsorgsboende", "Skolskjuts särskilda behov", "Daglig verksamhet",
                "Städ och lokalvård"};
        for (int i = 0; i < 15; i++) {
            String number = "KF-" + batch + "-" + (i + 1);
            String title = names[i % 5] + " " + batch + " " + (i + 1);
            numbers.add(number);
            titles.add(title);
            csv.append(ContractApiTest.row(';', number, title, "556016-0680", areas[i % 5],
                    i % 5 == 2 ? "utbildningNamnd" : "vardOmsorgNamnd", "ja", YEAR + "-01-01", (YEAR + 1) + "-12-31"));
        }
        JsonNode imported = json.readTree(ContractApiTest.upload(manager(), csv.toString()
                .getBytes(StandardCharsets.UTF_8)).getBody());
        assertThat(imported.get("stored").asInt()).as(imported.toString()).isEqualTo(15);

        for (int i = 0; i < 15; i++) {
            assertThat(manager().postForEntity("/api/contracts/" + numbers.get(i) + "/follow-ups", null, String.class)
                    .getStatusCode().value()).isEqualTo(202);
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(numbers.get(i)).singleResult();
            List<Map<String, String>> found = DEFICIENT.get(i);
            taskService.claim(task.getId(), Contracts.MANAGER);
            taskService.complete(task.getId(), found == null ? Map.of("overallResult", "OK")
                    : Map.of("overallResult", "DEFICIENT", "deficiencies", found));
        }

        String html = report(MediaType.TEXT_HTML).getBody();
        String htmlText = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(htmlText).contains("Antalet strategiska avtal år " + YEAR + " uppgick till 15. 3 av dem hade brister.");
        titles.forEach(title -> assertThat(htmlText).contains(title));
        DEFICIENT.values().forEach(list -> list.forEach(d -> assertThat(htmlText).contains(d.get("area"))));
        assertThat(html).contains("/css/strategic-contracts.css");
        assertThat(htmlText).contains("Tidslinje:").contains(Contracts.MANAGER + ": Brister: kvalitetsledningssystem");
        assertThat(htmlText).contains("Kommunfullmäktige noterar informationen och lägger den årliga uppföljningen "
                + "av strategiska avtal " + YEAR + " till handlingarna.");

        ResponseEntity<byte[]> pdf = http.withBasicAuth(Contracts.MANAGER, DEMO).exchange(
                "/api/reports/strategic-contracts?year=" + YEAR, HttpMethod.GET, accept(MediaType.APPLICATION_PDF),
                byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            titles.forEach(title -> assertThat(text).contains(title));
            DEFICIENT.values().forEach(list -> list.forEach(d -> assertThat(text).contains(d.get("area"))));
            assertThat(text).contains("uppgick till 15").contains("till handlingarna");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Uppföljning av strategiska avtal "
                    + YEAR);
        }
    }

    @Test
    void anOfficerOfAnotherUnitOrAnonymousGetsNoReport() {
        assertThat(report(http, MediaType.TEXT_HTML).getStatusCode().value()).isEqualTo(401);
        assertThat(report(http.withBasicAuth("maria", DEMO), MediaType.TEXT_HTML).getStatusCode().value())
                .isEqualTo(403);
    }

    private static Map<String, String> deficiency(String area) {
        return Map.of("area", area, "description", "Brist inom " + area + ".");
    }

    private TestRestTemplate manager() {
        return http.withBasicAuth(Contracts.MANAGER, DEMO);
    }

    private ResponseEntity<String> report(MediaType type) {
        return report(manager(), type);
    }

    private ResponseEntity<String> report(TestRestTemplate client, MediaType type) {
        return client.exchange("/api/reports/strategic-contracts?year=" + YEAR, HttpMethod.GET, accept(type),
                String.class);
    }

    private static HttpEntity<Void> accept(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(type));
        return new HttpEntity<>(headers);
    }
}
