package se.kommun.kvalitet.security;

import java.util.Set;

/**
 * Process variables that only the server writes and the process trusts (references, units, routing, SLA dates,
 * who registered the case). A module whose process relies on such variables declares them as a bean of this type;
 * {@link ClientInputGuard} refuses them from every client, whatever a form says.
 */
public interface ServerVariables {

    Set<String> names();
}
