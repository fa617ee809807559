/**
 * The one working-day calendar for SLA clocks: weekdays minus Swedish public holidays (from jollyday), minus
 * the eves that lagen (1930:173) om beräkning av lagstadgad tid treats like holidays, minus local closed dates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA calendar",
        allowedDependencies = {"shared"})
package se.kommun.kvalitet.slacalendar;
