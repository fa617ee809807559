package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Beräkna rangordning": every score is in; the weighted mean per application ({@link Ranking}), as the chair reads
 * it in Tasklist. Recomputed from the stored scores, never kept apart from them. No input parameters.
 */
@Component("computeAwardRanking")
class ComputeAwardRankingDelegate implements JavaDelegate {

    private final AwardJury jury;

    ComputeAwardRankingDelegate(AwardJury jury) {
        this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardProcess.RANKING.set(execution, jury.rankingText(AwardProcess.CALL.in(execution)));
    }
}
