package se.kommun.kvalitet.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality's units and roles as Camunda groups. Each unit has an officer group
 * ({@code <id>Officers}, the candidate group of its tasks) and a manager group ({@code <id>Managers},
 * where escalations go). Routing in DMN names these group ids.
 */
@ConfigurationProperties("kvalitet.organisation")
record OrganisationProperties(List<Unit> units, String processOwnerGroup) {

    record Unit(String id, String name) {

        String officerGroup() {
            return id + "Officers";
        }

        String managerGroup() {
            return id + "Managers";
        }
    }
}
