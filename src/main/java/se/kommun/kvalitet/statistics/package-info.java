/**
 * Lär och förbättra: figures over synpunkter, felanmälan, deviations and surveys for managers
 * ({@code GET /api/statistics}, the page {@code /statistik}, CSV) and the public ({@code GET /api/insyn},
 * {@code /insyn}, counts below 5 suppressed). Aggregated in SQL over the read-only views of migration V14, which name
 * the columns of other modules' tables it relies on (ADR 0016); lead times in working days by the one calendar
 * (slacalendar), kept as a table of working-day ordinals. Nothing here is public API. See docs/statistik.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
        allowedDependencies = {"actionplans", "notifications", "organisation", "shared", "slacalendar", "web"})
package se.kommun.kvalitet.statistics;
