package se.kommun.kvalitet.organisation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kvalitet.organisation is the one place groups are named: a mistake there stops the start, naming the setting. */
class OrganisationPropertiesTest {

    static final OrganisationProperties.Unit STREETS = new OrganisationProperties.Unit("streets", "Gata och park");

    @Test
    void everyGroupIsDerivedFromTheUnitsAndTheTwoRoles() {
        Organisation organisation = new Organisation(new OrganisationProperties(
                List.of(STREETS, new OrganisationProperties.Unit("care", "Vård och omsorg")), "processOwners",
                "qualityCoordinators", "medicallyResponsibleNurses", "contractManagers"));

        assertThat(organisation.groups()).containsExactlyInAnyOrder("streetsOfficers", "streetsManagers",
                "careOfficers", "careManagers", "processOwners", "qualityCoordinators", "medicallyResponsibleNurses",
                "contractManagers");
        assertThat(organisation.requireUnitOf("careOfficers").managerGroup()).isEqualTo("careManagers");
        assertThatThrownBy(() -> organisation.requireUnitOf("careManagers")).isInstanceOf(UnknownUnitException.class)
                .hasMessageContaining("careManagers").hasMessageContaining("streetsOfficers, careOfficers");
    }

    @Test
    void aUnitNamedTwiceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(
                List.of(STREETS, new OrganisationProperties.Unit("streets", "Gator")), "processOwners", "quality", "mas", "contracts"))
                .withMessageContaining("kvalitet.organisation.units[1]");
    }

    @Test
    void missingRoleGroupsAndBadIdsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS), null,
                "quality", "mas", "contracts")).withMessageContaining("process-owner-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "processOwners", "mas", "contracts")).withMessageContaining("quality-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(
                List.of(new OrganisationProperties.Unit("Gata och park", "Gata och park")), "processOwners", "quality", "mas", "contracts"))
                .withMessageContaining("units[0].id");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(), "processOwners",
                "quality", "mas", "contracts")).withMessageContaining("at least one unit");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", "quality", "contracts")).withMessageContaining("mas-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", null, "contracts")).withMessageContaining("mas-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", "mas", "mas")).withMessageContaining("contract-manager-group");
    }
}
