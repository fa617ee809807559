package se.kommun.kvalitet.cases.survey;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CaseSurveyRepository extends JpaRepository<CaseSurvey, Long> {

    Optional<CaseSurvey> findByTokenHash(String tokenHash);

    /** Two answers sent at once: the second waits for the first and then finds it answered. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CaseSurvey s where s.tokenHash = ?1")
    Optional<CaseSurvey> lockByTokenHash(String tokenHash);
}
