package se.kommun.kvalitet.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A provider's group claim values to our groups, without Spring: the table, our own ids, the service group. */
class OidcGroupMappingTest {

    static final Set<String> OURS = Set.of("careOfficers", "careManagers", "streetsOfficers", "camunda-admin");

    @Test
    void mapsConfiguredProviderGroupsAndOurOwnIdsAndIgnoresTheRest() {
        OidcGroupMapping mapping = new OidcGroupMapping(new OidcProperties("groups",
                Map.of("0b6f-entra-object-id", "careOfficers", "/kommun/vard/chefer", "careManagers"), null, null),
                OURS);

        assertThat(mapping.groups(List.of("0b6f-entra-object-id", "streetsOfficers", "Alla anställda",
                "/kommun/vard/chefer", "careOfficers"))).containsExactly("careOfficers", "streetsOfficers",
                "careManagers");
        assertThat(mapping.groups(List.of("Alla anställda"))).isEmpty();
    }

    @Test
    void theServiceGroupGoesOnlyToListedClients() {
        OidcGroupMapping mapping = new OidcGroupMapping(new OidcProperties("groups", Map.of(), "careOfficers",
                List.of("e-tjanstplattform")), OURS);

        assertThat(mapping.serviceGroups("e-tjanstplattform")).containsExactly("careOfficers");
        assertThat(mapping.serviceGroups("rapportverktyget")).isEmpty();
        assertThat(mapping.serviceGroups(null)).isEmpty();
    }

    @Test
    void withoutAServiceGroupNoClientGetsOne() {
        OidcGroupMapping mapping = new OidcGroupMapping(new OidcProperties("groups", Map.of(), null,
                List.of("e-tjanstplattform")), OURS);

        assertThat(mapping.serviceGroups("e-tjanstplattform")).isEmpty();
    }

    @Test
    void aMappingToAGroupWeDoNotHaveFailsTheStartAndNamesIt() {
        assertThatThrownBy(() -> new OidcGroupMapping(new OidcProperties("groups",
                Map.of("0b6f-entra-object-id", "careOfficer"), "serviceAccounts", null), OURS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kvalitet.oidc.group-mapping.0b6f-entra-object-id=careOfficer")
                .hasMessageContaining("kvalitet.oidc.service-group=serviceAccounts")
                .hasMessageContaining("careOfficers");
    }
}
