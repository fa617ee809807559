package se.kommun.kvalitet.awards;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/awards/calls}: an award administrator opens a call (categories, criteria with weights, closing
 * date, jury); {@code GET /api/goda-exempel}: the public good examples as JSON, the same selection as the page.
 */
@RestController
class AwardApiController {

    private final AwardCalls calls;
    private final AwardPublication publication;

    AwardApiController(AwardCalls calls, AwardPublication publication) {
        this.calls = calls;
        this.publication = publication;
    }

    record Opened(String reference, int year, LocalDate closingDate) {
    }

    @PostMapping("/api/awards/calls")
    ResponseEntity<Opened> open(@RequestBody AwardCalls.OpenCall request, Authentication authentication) {
        AwardCall call = calls.open(request, authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Opened(call.reference(), call.year(),
                call.closingDate()));
    }

    /** One example: the winner's motivation, the shared application's texts (criterion title → text). */
    record PublicExample(String reference, int year, String area, String areaName, String category,
            String categoryName, String applicant, boolean winner, String motivation, Map<String, String> texts) {
    }

    @GetMapping("/api/goda-exempel")
    List<PublicExample> examples(@RequestParam Optional<String> area, @RequestParam Optional<Integer> year,
            @RequestParam Optional<String> category) {
        return publication.examples(area.filter(a -> !a.isBlank()), year, category.filter(c -> !c.isBlank()))
                .stream().map(example -> new PublicExample(example.item().reference(), example.item().year(),
                        example.item().area(), example.areaName(), example.item().category(), example.categoryName(),
                        example.item().applicant(), example.item().winner(), example.item().motivation(),
                        example.answers())).toList();
    }
}
