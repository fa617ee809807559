package se.kommun.kvalitet.cases.record;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries on the intake path are written as JPQL: Hibernate 6.6 caches the plan of a query string but
 * translates a derived (criteria) query anew on every call, which was 7 % of an intake's CPU.
 */
public interface CitizenCaseRepository extends JpaRepository<CitizenCase, Long> {

    @Query("select c from CitizenCase c where c.reference = :reference")
    Optional<CitizenCase> findByReference(String reference);

    @Query("select c from CitizenCase c where c.idempotencyKey = :idempotencyKey")
    Optional<CitizenCase> findByIdempotencyKey(String idempotencyKey);

    @Query("""
            select c from CitizenCase c
            where c.type = :type and c.category = :category and c.closedAt is null and c.reference <> :reference""")
    List<CitizenCase> findOpenOfSameKind(CaseType type, String category, String reference);
}
