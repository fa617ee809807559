package se.kommun.kvalitet.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StartPageController {

    @GetMapping("/")
    String startPage() {
        return "index";
    }
}
