package se.kommun.kvalitet.open311;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kommun.kvalitet.shared.PlainText;

/**
 * The administrators' page for Open311 keys (under /admin, so camunda-admin only): list, create, revoke. A new
 * key is shown on the answer to its POST only, never stored or shown again.
 */
@Controller
@RequestMapping("/admin/open311-nycklar")
class ApiKeyAdminPage {

    private final ApiKeys keys;

    ApiKeyAdminPage(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("keys", keys.all());
        return "admin/open311-keys";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Authentication authentication, Model model,
            HttpServletResponse response) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100 || !PlainText.Validator.isPlainText(trimmed)) {
            model.addAttribute("nameInvalid", true);
            model.addAttribute("name", name);
        } else {
            // The key is on this page only: keep it out of every cache.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("created", keys.create(trimmed, authentication.getName()));
        }
        return list(model);
    }

    @PostMapping("/{id}/aterkalla")
    String revoke(@PathVariable long id, Authentication authentication) {
        keys.revoke(id, authentication.getName());
        return "redirect:/admin/open311-nycklar";
    }
}
