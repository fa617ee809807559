package se.kommun.kvalitet.cases.attachments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Officers attach files to their unit's cases; the type is judged by content, names are sanitised. */
@KvalitetIntegrationTest
public class CaseAttachmentTest {

    static final String PASSWORD = "Demo-Kvalitet-2026!";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    String reference;

    @BeforeEach
    void careCase() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = http.postForObject("/api/cases", new HttpEntity<>(
                "{\"type\":\"COMPLAINT\",\"category\":\"ELDERLY_CARE\",\"description\":\"Bilaga följer.\"}", headers),
                String.class);
        reference = json.readTree(body).get("reference").asText();
    }

    @Test
    void officerAttachesAPdfAndDownloadsItAsAnAttachment() throws Exception {
        ResponseEntity<String> uploaded = upload("bjorn", "brev från medborgaren.pdf", PDF);

        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode attachment = json.readTree(uploaded.getBody());
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(PDF.length);

        ResponseEntity<byte[]> download = http.withBasicAuth("bjorn", PASSWORD)
                .getForEntity(uploaded.getHeaders().getLocation(), byte[].class);
        assertThat(download.getBody()).isEqualTo(PDF);
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        JsonNode details = json.readTree(http.withBasicAuth("bjorn", PASSWORD)
                .getForObject("/api/cases/" + reference, String.class));
        assertThat(details.get("attachments").get(0).get("fileName").asText()).isEqualTo("brev från medborgaren.pdf");
        assertThat(details.get("history").toString()).contains("ATTACHMENT_ADDED");
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                arguments("path traversal", "../../etc/passwd.txt", "hej".getBytes(StandardCharsets.UTF_8), "name"),
                arguments("windows path", "C:\\Users\\x\\brev.pdf", PDF, "name"),
                arguments("double extension", "faktura.pdf.exe", EXE, "name"),
                arguments("double extension of allowed types", "bild.png.pdf", PDF, "name"),
                arguments("hidden file", ".pdf", PDF, "name"),
                arguments("no extension", "brev", PDF, "name"),
                arguments("control character", "brev\u0000.pdf", PDF, "name"),
                arguments("executable renamed to png", "foto.png", EXE, "type"),
                arguments("executable", "program.exe", EXE, "type"),
                arguments("png content named pdf", "brev.pdf", PNG, "typeMismatch"),
                arguments("binary named txt", "anteckning.txt", EXE, "type"),
                arguments("empty file", "tom.pdf", new byte[0], "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void refusesUnsafeFilesAndStoresNothing(String name, String fileName, byte[] content, String rule)
            throws Exception {
        long before = attachmentCount();

        ResponseEntity<String> response = upload("bjorn", fileName, content);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json.readTree(response.getBody()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("file");
        assertThat(error.get("rule").asText()).isEqualTo(rule);
        assertThat(attachmentCount()).isEqualTo(before);
    }

    @Test
    void onlyTheCasesOwnUnitMayAttach() {
        long before = attachmentCount();

        assertThat(upload("anna", "brev.pdf", PDF).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/cases/" + reference + "/attachments", multipart("brev.pdf", PDF),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(attachmentCount()).isEqualTo(before);
    }

    private ResponseEntity<String> upload(String user, String fileName, byte[] content) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/cases/" + reference + "/attachments",
                multipart(fileName, content), String.class);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private long attachmentCount() {
        return jdbc.queryForObject("select count(*) from app.case_attachment", Long.class);
    }
}
