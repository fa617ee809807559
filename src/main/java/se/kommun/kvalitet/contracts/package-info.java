/**
 * Avtalsuppföljning: the register of the committees' contracts with private providers, the follow-up of each at
 * its interval ({@code processes/contract-follow-up.bpmn}), the suppliers' action plans (through the actionplans
 * module), the contract's timeline and the annual report of strategic contracts to the council (docs/avtal.md).
 * All internal to this module:
 * <ul>
 * <li>{@code record}: the tables, areas, committees, the organisation-number check, the timeline;</li>
 * <li>{@code register}: registering a contract, one at a time or from a CSV file;</li>
 * <li>{@code process}: the steps of the follow-up process and its declared variables;</li>
 * <li>{@code api}: {@code /api/contracts} and the contract managers' import page;</li>
 * <li>{@code report}: {@code GET /api/reports/strategic-contracts} as HTML and PDF.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts",
        allowedDependencies = {"actionplans", "escalation", "notifications", "organisation", "shared", "slacalendar",
                "web"})
package se.kommun.kvalitet.contracts;
