package se.kommun.kvalitet.organisation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kvalitet.organisation is the one place groups are named: a mistake there stops the start, naming the setting. */
class OrganisationPropertiesTest {

    static final OrganisationProperties.Awards AWARDS = new OrganisationProperties.Awards("awardAdministrators",
            "awardJury", "awardChairs");
    static final OrganisationProperties.Unit STREETS = new OrganisationProperties.Unit("streets", "Gata och park");

    @Test
    void everyGroupIsDerivedFromTheUnitsAndTheRoleGroups() {
        Organisation organisation = new Organisation(new OrganisationProperties(
                List.of(STREETS, new OrganisationProperties.Unit("care", "Vård och omsorg")), "processOwners",
                "qualityCoordinators", "medicallyResponsibleNurses", "contractManagers", "committeeDelegates", OrganisationPropertiesTest.AWARDS));

        assertThat(organisation.groups()).containsExactlyInAnyOrder("streetsOfficers", "streetsManagers",
                "careOfficers", "careManagers", "processOwners", "qualityCoordinators", "medicallyResponsibleNurses",
                "contractManagers", "committeeDelegates", "awardAdministrators", "awardJury", "awardChairs");
        assertThat(organisation.requireUnitOf("careOfficers").managerGroup()).isEqualTo("careManagers");
        assertThatThrownBy(() -> organisation.requireUnitOf("careManagers")).isInstanceOf(UnknownUnitException.class)
                .hasMessageContaining("careManagers").hasMessageContaining("streetsOfficers, careOfficers");
    }

    @Test
    void aUnitNamedTwiceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(
                List.of(STREETS, new OrganisationProperties.Unit("streets", "Gator")), "processOwners", "quality", "mas", "contracts", "delegates", AWARDS))
                .withMessageContaining("kvalitet.organisation.units[1]");
    }

    @Test
    void missingRoleGroupsAndBadIdsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS), null,
                "quality", "mas", "contracts", "delegates", AWARDS)).withMessageContaining("process-owner-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "processOwners", "mas", "contracts", "delegates", AWARDS)).withMessageContaining("quality-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(
                List.of(new OrganisationProperties.Unit("Gata och park", "Gata och park")), "processOwners", "quality", "mas", "contracts", "delegates", AWARDS))
                .withMessageContaining("units[0].id");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(), "processOwners",
                "quality", "mas", "contracts", "delegates", AWARDS)).withMessageContaining("at least one unit");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", "quality", "contracts", "delegates", AWARDS)).withMessageContaining("mas-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", null, "contracts", "delegates", AWARDS)).withMessageContaining("mas-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", "mas", "mas", "delegates", AWARDS)).withMessageContaining("contract-manager-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", "mas", "contracts", "contracts", AWARDS))
                .withMessageContaining("committee-delegate-group");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationProperties(List.of(STREETS),
                "processOwners", "quality", "mas", "contracts", null, AWARDS)).withMessageContaining("committee-delegate-group");
    }
}
