package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Skicka e-post till medborgaren". Input parameter {@code template}: acknowledgement, supplement-request,
 * feedback, praise-thanks, duplicate-linked, reopened or kept-closed. Run it after an async boundary: a failed send is retried,
 * then becomes an incident, and never undoes the officer's work.
 */
@Component("sendCaseMail")
class SendCaseMailDelegate implements JavaDelegate {

    private final CaseMails mails;

    SendCaseMailDelegate(CaseMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariableLocal("template");
        if (template == null) {
            throw new IllegalArgumentException("sendCaseMail needs input parameter 'template'");
        }
        mails.toCitizen(execution, template.toString());
    }
}
