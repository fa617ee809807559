/**
 * Synpunkter and felanmälan, one package per capability (all internal to this module; nothing outside uses them):
 * <ul>
 * <li>{@code record}: the case, its history and categories, and who may read it;</li>
 * <li>{@code intake}: receiving a matter (the public form, the REST API, an officer's registration);</li>
 * <li>{@code api}: the officers' and apps' REST API over cases;</li>
 * <li>{@code status}: the citizen's signed status link, status page and supplements;</li>
 * <li>{@code attachments}: files on a case;</li>
 * <li>{@code retention}: gallring of closed cases;</li>
 * <li>{@code survey}: the satisfaction question after feedback (nöjdhetsenkät), page and API;</li>
 * <li>{@code answertemplates}: standard answers officers pick in Tasklist (svarsmallar), page and API;</li>
 * <li>{@code process}: the steps of {@code processes/case-handling.bpmn} and its declared variables.</li>
 * </ul>
 * The module's one API for others is in this package: {@link se.kommun.kvalitet.cases.FaultReports}, a fault
 * report through the same intake and its public status (used by {@code open311}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen cases",
        allowedDependencies = {"engine", "escalation", "notifications", "organisation", "reference", "security", "shared", "slacalendar", "web"})
package se.kommun.kvalitet.cases;
