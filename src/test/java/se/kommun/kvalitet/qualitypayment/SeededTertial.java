package se.kommun.kvalitet.qualitypayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * A seeded tertial of home care with three providers, through the API as a contract manager does it: two contracts
 * of its own (Omsorg Alfa and Omsorg Beta, names unique per fixture) and the in-house unit of the settings. The
 * clock is pinned after the tertial has begun. Shared by the process tests and the browser test of /jamfor.
 */
public final class SeededTertial {

    public static final String IN_HOUSE = "Hemtjänsten i egen regi";
    static final String DEMO = "Demo-Kvalitet-2026!";

    private final TestRestTemplate http;
    private final SettableClock clock;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String alfa;
    private String beta;

    public SeededTertial(TestRestTemplate http, SettableClock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** Pins the clock to 10 May of the year, registers the two contracts for the year; the year's T1. */
    public String year(int year) {
        clock.pin(ZonedDateTime.of(year, 5, 10, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        alfa = contract(alfaName(), "alfa", year);
        beta = contract(betaName(), "beta", year);
        return year + "-T1";
    }

    public String alfaName() {
        return "Omsorg Alfa " + suffix + " AB";
    }

    public String betaName() {
        return "Omsorg Beta " + suffix + " AB";
    }

    String suffix() {
        return suffix;
    }

    String alfa() {
        return alfa;
    }

    String beta() {
        return beta;
    }

    /**
     * The three providers' nine results; Alfa's assistant-nurse share as given. Alfa 12 / 15 % / given, 1 000 h;
     * Beta 11 / 30 % / 61 %, 812,5 h; in-house 13 / 5 % / 80 %, 2 000 h.
     */
    String csv(String period, String alfaNurses) {
        String a = alfaName() + ";" + alfa + ";" + period + ";";
        String b = betaName() + ";" + beta + ";" + period + ";";
        String h = IN_HOUSE + ";;" + period + ";";
        return "provider;contractNumber;period;indicator;value;performedHours;source\n"
                + a + "CONTINUITY;12;1000;Verksamhetssystemet\n" + a + "HOURLY_STAFF_SHARE;15;1000;Lönesystemet\n"
                + a + "ASSISTANT_NURSE_SHARE;" + alfaNurses + ";1000;Personalregistret\n"
                + b + "CONTINUITY;11;812,5;Verksamhetssystemet\n" + b + "HOURLY_STAFF_SHARE;30;812,5;Lönesystemet\n"
                + b + "ASSISTANT_NURSE_SHARE;61;812,5;Personalregistret\n"
                + h + "CONTINUITY;13;2000;Verksamhetssystemet\n" + h + "HOURLY_STAFF_SHARE;5;2000;Lönesystemet\n"
                + h + "ASSISTANT_NURSE_SHARE;80;2000;Personalregistret\n";
    }

    ResponseEntity<String> importCsv(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return manager().exchange("/api/quality-payment/results/import", HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    /** Started, complete, computed, reviewed and approved: the period is decided (its mails not yet sent). */
    public void approve(String period, TaskService taskService) {
        ResponseEntity<String> started = manager().exchange("/api/quality-payment/periods", HttpMethod.POST,
                json("{\"period\":\"" + period + "\",\"area\":\"HOME_CARE\"}"), String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        assertThat(importCsv(csv(period, "50")).getStatusCode().value()).isEqualTo(200);
        assertThat(manager().exchange("/api/quality-payment/periods/" + period + "/HOME_CARE/computation",
                HttpMethod.POST, null, String.class).getStatusCode().value()).isEqualTo(202);
        String businessKey = "KVP-" + period + "-HOME_CARE";
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("reviewComputation").singleResult().getId());
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("approvePayment").singleResult().getId(), Map.of("paymentApproved", true));
    }

    private String contract(String supplier, String mailbox, int year) {
        String number = "KVP-" + mailbox + "-" + suffix;
        ResponseEntity<String> created = manager().exchange("/api/contracts", HttpMethod.POST, json("""
                {"number":"%s","title":"Hemtjänst","supplier":"%s","organisationNumber":"556016-0680",
                 "area":"HOME_CARE","committee":"vardOmsorgNamnd","strategic":false,"start":"%d-01-01",
                 "end":"%d-12-31","contactEmail":"%s-%s@omsorg.example","contractManager":"klara",
                 "followUpInterval":"P12M"}""".formatted(number, supplier, year, year, mailbox, suffix)), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return number;
    }

    private TestRestTemplate manager() {
        return http.withBasicAuth("klara", DEMO);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
