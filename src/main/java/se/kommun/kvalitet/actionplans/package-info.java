/**
 * Handlingsplaner: the one mechanism for a plan of measures that someone owes the municipality after a follow-up
 * found deficiencies. A plan belongs to an {@link se.kommun.kvalitet.actionplans.OwnerReference} of a kind (a
 * contract follow-up now, a unit's missed target later); the owning module gives it meaning and runs the process.
 * Public API: {@link se.kommun.kvalitet.actionplans.ActionPlans} and its records and events in this package.
 * Internal:
 * <ul>
 * <li>{@code store}: the tables {@code app.action_plan} and {@code app.action_plan_measure};</li>
 * <li>{@code link}: the signed, expiring personal link to the author's page;</li>
 * <li>{@code web}: the public page {@code /handlingsplan/{id}} behind that link.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Action plans",
        allowedDependencies = {"shared", "web"})
package se.kommun.kvalitet.actionplans;
