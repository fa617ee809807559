/**
 * Lär och förbättra: figures over synpunkter, felanmälan, deviations and surveys for managers
 * ({@code GET /api/statistics}, the page {@code /statistik}, CSV) and the public ({@code GET /api/insyn},
 * {@code /insyn}, counts below 5 suppressed). Aggregated in SQL over the read-only views of migration V14, which name
 * the columns of other modules' tables it relies on (ADR 0016); lead times in working days by the one calendar
 * (slacalendar), kept as a table of working-day ordinals. Kolada files (API v3 JSON) uploaded by process owners, all
 * or nothing, and compared with our measures ({@code /statistik/kolada}, {@code /api/kolada/*}); the styrkort per unit
 * and year ({@code /styrkort}, {@code /api/scorecards}), whose missed targets each start one handlingsplan through
 * actionplans after the year's end, followed by the process {@code unitActionPlan} (processes/unit-action-plan.bpmn:
 * reminder, escalation, follow-up reminder through the escalation module; ADR 0017); the improvement view
 * ({@code /forbattring}, {@code /api/improvement}).
 * Nothing here is public API. See docs/statistik.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
        allowedDependencies = {"actionplans", "escalation", "notifications", "organisation", "shared", "slacalendar",
                "web"})
package se.kommun.kvalitet.statistics;
