package se.kommun.kvalitet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A provider's group claim values to our group ids. Our ids map to themselves, configured ids through the table,
 * anything else is dropped: the provider knows many groups that mean nothing here. Every target must be a group we
 * define, checked at start, so a typo in the table is a failed start rather than a silently powerless officer.
 */
final class OidcGroupMapping {

    private final Map<String, String> table;
    private final Set<String> ourGroups;
    private final String serviceGroup;
    private final Set<String> serviceClients;

    OidcGroupMapping(OidcProperties properties, Set<String> ourGroups) {
        this.table = properties.groupMapping();
        this.ourGroups = Set.copyOf(ourGroups);
        this.serviceGroup = properties.serviceGroup();
        this.serviceClients = Set.copyOf(properties.serviceClients());
        List<String> unknown = new ArrayList<>();
        table.forEach((providerGroup, group) -> {
            if (!this.ourGroups.contains(group)) {
                unknown.add("kvalitet.oidc.group-mapping." + providerGroup + "=" + group);
            }
        });
        if (serviceGroup != null && !this.ourGroups.contains(serviceGroup)) {
            unknown.add("kvalitet.oidc.service-group=" + serviceGroup);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Okända grupper i OIDC-inställningarna / unknown groups in the OIDC "
                    + "settings: " + unknown + "; kända / known: " + new TreeSet<>(this.ourGroups));
        }
    }

    /** Our groups for the claim's values, in the claim's order. */
    List<String> groups(Collection<String> claimValues) {
        Set<String> groups = new LinkedHashSet<>();
        for (String value : claimValues) {
            if (ourGroups.contains(value)) {
                groups.add(value);
            } else if (table.containsKey(value)) {
                groups.add(table.get(value));
            }
        }
        return List.copyOf(groups);
    }

    /** The service group for a token of one of the listed clients that names no groups at all, else none. */
    List<String> serviceGroups(String clientId) {
        return serviceGroup != null && clientId != null && serviceClients.contains(clientId)
                ? List.of(serviceGroup) : List.of();
    }
}
