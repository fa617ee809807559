package se.kommun.kvalitet.cases.status;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.cases.process.CaseProcess;
import se.kommun.kvalitet.cases.record.CaseWork;

/** Information a citizen adds from the status page: kept on the case and, if asked for, wakes the process. */
@Service
class CitizenSupplements {

    private static final Logger log = LoggerFactory.getLogger(CitizenSupplements.class);

    private final CaseWork work;
    private final RuntimeService runtimeService;

    CitizenSupplements(CaseWork work, RuntimeService runtimeService) {
        this.work = work;
        this.runtimeService = runtimeService;
    }

    /**
     * Saves the text and correlates in one transaction, so a failing process step loses neither. Uses
     * correlateAll, which matches nothing quietly when no process waits (the wait may just have timed
     * out): correlateWithResult would throw MismatchingMessageCorrelationException inside the engine's
     * command, which marks this shared transaction rollback-only, so catching it could not keep the text.
     */
    @Transactional
    void add(String reference, String text) {
        if (work.addCitizenInformation(reference, text)
                && runtimeService.createMessageCorrelation(CaseProcess.SUPPLEMENT_RECEIVED_MESSAGE)
                        .processInstanceBusinessKey(reference).correlateAllWithResult().isEmpty()) {
            log.info("Case {} waits for the citizen but no process waits for {}; information kept", reference,
                    CaseProcess.SUPPLEMENT_RECEIVED_MESSAGE);
        }
    }
}
