/**
 * Avvikelser: staff report deviations, the unit's managers assess the risk, the lex Sarah and lex Maria tracks
 * lead to a report to IVO where the law asks for one, measures are followed up for their effect and the case closes
 * with what was learnt ({@code processes/deviation-handling.bpmn}, {@code processes/deviation-risk.dmn},
 * docs/avvikelser.md). All internal to this module:
 * <ul>
 * <li>{@code record}: the deviation table, areas, and the personal identity number check;</li>
 * <li>{@code intake}: receiving a report (the REST API, Tasklist's start form);</li>
 * <li>{@code process}: the steps of the process, its declared variables and its deadlines;</li>
 * <li>{@code api}: {@code POST /api/deviations} and {@code GET /api/deviations/{reference}}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deviations",
        allowedDependencies = {"escalation", "notifications", "organisation", "reference", "shared", "slacalendar", "web"})
package se.kommun.kvalitet.deviations;
