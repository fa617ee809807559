/**
 * Reminders and escalations for any process: {@code ${escalate}} behind a BPMN timer, configured with the element
 * template "Påminn eller eskalera" (level, what is escalated and its unit's groups). One path for all: it marks
 * each level once per reference and due date ({@code app.escalation_mark}), sets {@code slaMark} for Tasklist's
 * list, adds the manager or process-owner group as candidate on the open tasks, mails the recipients through
 * {@code notifications} (Swedish, with an English line) and publishes {@link se.kommun.kvalitet.escalation.Escalated}
 * synchronously, in the same transaction, for the owning module's history. An escalation nobody can be mailed
 * about becomes an incident in Cockpit. How a new process uses it: docs/architecture.md, "Escalation".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation",
        allowedDependencies = {"organisation", "notifications", "shared"})
package se.kommun.kvalitet.escalation;
