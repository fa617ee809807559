package se.kommun.kvalitet.statistics;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.kommun.kvalitet.web.ProblemApi;
import se.kommun.kvalitet.web.Problems;

/**
 * Kolada comparison for process owners and administrators (the security rules let no one else in):
 * {@code POST /api/kolada/imports} (multipart {@code file}, Kolada API v3 JSON) and the mapping of KPIs to our
 * measures under {@code /api/kolada/mappings}.
 */
@RestController
@ProblemApi
class KoladaApiController {

    private final KoladaImport koladaImport;
    private final Kolada kolada;

    KoladaApiController(KoladaImport koladaImport, Kolada kolada) {
        this.koladaImport = koladaImport;
        this.kolada = kolada;
    }

    @PostMapping(path = "/api/kolada/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    KoladaImport.Report upload(@RequestPart("file") MultipartFile file, Authentication authentication)
            throws IOException {
        return koladaImport.importFile(file.getInputStream(), authentication.getName());
    }

    @GetMapping("/api/kolada/mappings")
    List<Map<String, String>> mappings() {
        return kolada.mappings().stream().map(m -> Map.of("kpi", m.kpi(), "measure", m.measure().name(),
                "title", m.title())).toList();
    }

    @PutMapping("/api/kolada/mappings/{kpi}")
    ResponseEntity<?> map(@PathVariable String kpi, @RequestBody KoladaMappingRequest request,
            Authentication authentication) {
        var problems = request.problems(kpi);
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.invalidFields(
                    "Kopplingen kunde inte sparas / the mapping could not be stored", problems));
        }
        kolada.map(kpi, Measure.valueOf(request.measure()), request.title().strip(), authentication.getName());
        return ResponseEntity.ok(Map.of("kpi", kpi, "measure", request.measure(), "title", request.title().strip()));
    }

    @DeleteMapping("/api/kolada/mappings/{kpi}")
    ResponseEntity<Void> unmap(@PathVariable String kpi) {
        return kolada.unmap(kpi) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @ExceptionHandler(InvalidKoladaFileException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidKoladaFileException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields(
                "Kolada-filen sparades inte / the Kolada file was not stored", ex.errors()));
    }
}
