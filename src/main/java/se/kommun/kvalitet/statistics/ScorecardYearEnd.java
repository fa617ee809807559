package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Detects the end of a styrkort's year: every night each node settles the key figures of ended years
 * ({@link Scorecards#settleEndedYears}); the row lock per key figure makes the nodes share the work and start each
 * missed target's plan once (ADR 0017).
 */
@Component
class ScorecardYearEnd {

    private static final Logger log = LoggerFactory.getLogger(ScorecardYearEnd.class);

    private final Scorecards scorecards;
    private final Clock clock;

    ScorecardYearEnd(Scorecards scorecards, Clock clock) {
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Scheduled(cron = "${kvalitet.statistics.scorecard.cron}", zone = "Europe/Stockholm")
    void settle() {
        List<Long> plans = scorecards.settleEndedYears(LocalDate.now(clock));
        if (!plans.isEmpty()) {
            log.info("Styrkort: {} missade mål, handlingsplaner begärda / missed targets, action plans requested: {}",
                    plans.size(), plans);
        }
    }
}
