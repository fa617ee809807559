package se.kommun.kvalitet.contracts.api;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.kommun.kvalitet.contracts.register.CsvImport;
import se.kommun.kvalitet.shared.CsvFile;

/** The contract managers' Swedish page: upload a CSV file, see what was stored and what was refused, per row. */
@Controller
class ImportPageController {

    private final CsvImport csvImport;
    private final ContractAccess access;

    ImportPageController(CsvImport csvImport, ContractAccess access) {
        this.csvImport = csvImport;
        this.access = access;
    }

    @GetMapping("/avtal/import")
    String form(Authentication authentication, Model model) {
        access.requireManager(authentication);
        model.addAttribute("columns", String.join(";", CsvImport.COLUMNS));
        return "contracts/import";
    }

    @PostMapping("/avtal/import")
    String upload(@RequestParam("file") MultipartFile file, Authentication authentication, Model model)
            throws IOException {
        access.requireManager(authentication);
        model.addAttribute("columns", String.join(";", CsvImport.COLUMNS));
        try {
            model.addAttribute("report", csvImport.importCsv(file.getInputStream(), authentication.getName()));
        } catch (CsvFile.UnreadableCsvException unreadable) {
            model.addAttribute("fileError", unreadable.getMessage());
        }
        return "contracts/import";
    }
}
