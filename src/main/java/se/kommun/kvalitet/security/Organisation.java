package se.kommun.kvalitet.security;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The units and role groups other modules route and escalate to. */
@Service
public class Organisation {

    private final OrganisationProperties properties;

    Organisation(OrganisationProperties properties) {
        this.properties = properties;
    }

    public record UnitGroups(String name, String officerGroup, String managerGroup) {
    }

    public List<UnitGroups> units() {
        return properties.units().stream()
                .map(unit -> new UnitGroups(unit.name(), unit.officerGroup(), unit.managerGroup()))
                .toList();
    }

    public Optional<UnitGroups> unitOf(String officerGroup) {
        return units().stream().filter(unit -> unit.officerGroup().equals(officerGroup)).findFirst();
    }

    public String processOwnerGroup() {
        return properties.processOwnerGroup();
    }
}
