package se.kommun.kvalitet.cases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CitizenCaseRepository extends JpaRepository<CitizenCase, Long> {

    Optional<CitizenCase> findByReference(String reference);

    Optional<CitizenCase> findByIdempotencyKey(String idempotencyKey);

    List<CitizenCase> findByTypeAndCategoryAndClosedAtIsNullAndReferenceNot(CaseType type, String category,
            String reference);
}
