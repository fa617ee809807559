package se.kommun.kvalitet.statistics;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The process owners' page {@code /statistik/kolada} (Swedish; English with {@code ?lang=en}, texts
 * {@code kolada.*}): upload a Kolada file (all or nothing, every problem listed) and map KPIs to our measures for the
 * comparison on {@code /statistik}.
 */
@Controller
class KoladaPageController {

    private final KoladaImport koladaImport;
    private final Kolada kolada;
    private final KoladaProperties settings;

    KoladaPageController(KoladaImport koladaImport, Kolada kolada, KoladaProperties settings) {
        this.koladaImport = koladaImport;
        this.kolada = kolada;
        this.settings = settings;
    }

    @GetMapping("/statistik/kolada")
    String page(Model model) {
        return page(model, null, List.of(), List.of());
    }

    @PostMapping("/statistik/kolada")
    String upload(@RequestParam("file") MultipartFile file, Authentication authentication, Model model)
            throws IOException {
        try {
            return page(model, koladaImport.importFile(file.getInputStream(), authentication.getName()), List.of(),
                    List.of());
        } catch (InvalidKoladaFileException invalid) {
            return page(model, null, invalid.errors(), List.of());
        }
    }

    @PostMapping("/statistik/kolada/koppling")
    String map(@RequestParam String kpi, @RequestParam String measure, @RequestParam String title,
            Authentication authentication, Model model) {
        KoladaMappingRequest request = new KoladaMappingRequest(measure, title);
        List<FieldError> problems = request.problems(kpi);
        if (problems.isEmpty()) {
            kolada.map(kpi, Measure.valueOf(measure), title.strip(), authentication.getName());
        }
        return page(model, null, List.of(), problems);
    }

    @PostMapping("/statistik/kolada/koppling/ta-bort")
    String unmap(@RequestParam String kpi, Model model) {
        kolada.unmap(kpi);
        return page(model, null, List.of(), List.of());
    }

    private String page(Model model, KoladaImport.Report report, List<FieldError> fileErrors,
            List<FieldError> mappingErrors) {
        model.addAttribute("report", report);
        model.addAttribute("fileErrors", fileErrors);
        model.addAttribute("mappingErrors", mappingErrors);
        model.addAttribute("mappings", kolada.mappings());
        model.addAttribute("kpis", kolada.importedKpis());
        model.addAttribute("measures", Arrays.asList(Measure.values()));
        model.addAttribute("municipality", settings.municipality() + " " + settings.municipalityName());
        model.addAttribute("peers", settings.peers());
        return "statistics/kolada";
    }
}
