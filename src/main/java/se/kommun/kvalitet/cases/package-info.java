/**
 * Synpunkter and felanmälan: receiving a citizen's matter (web form, REST API, or an officer registering a
 * letter, call or visit), the case record and its history, the status page, and the process steps that act
 * on a case. The process itself lives in {@code processes/case-handling.bpmn}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen cases",
        allowedDependencies = {"escalation", "notifications", "organisation", "reference", "security", "shared", "slacalendar", "web"})
package se.kommun.kvalitet.cases;
