package se.kommun.kvalitet.organisation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality's units and role groups, the one place they are named. Each unit has an officer group
 * ({@code <id>Officers}, the candidate group of its tasks) and a manager group ({@code <id>Managers}, where
 * escalations go); the process-owner group gets the last escalation and owns the models; the quality group
 * follows deviations and statistics; the MAS group (medicinskt ansvariga sjuksköterskor) investigates and reports
 * lex Maria events; the contract-manager group (avtalsförvaltare) keeps the contract register and follows
 * contracts up; the committee-delegate group (nämndens delegater) decides on the committee's delegation, e.g. a
 * period's quality payment; the award groups (kvalitetsutmärkelse, docs/utmarkelser.md) open calls, score
 * applications and propose winners. A mistake here stops the start, naming the setting.
 */
@ConfigurationProperties("kvalitet.organisation")
record OrganisationProperties(List<Unit> units, String processOwnerGroup, String qualityGroup, String masGroup,
        String contractManagerGroup, String committeeDelegateGroup, Awards awards) {

    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9]*");

    OrganisationProperties {
        if (units == null || units.isEmpty()) {
            throw new IllegalArgumentException("kvalitet.organisation.units: at least one unit is needed");
        }
        units = List.copyOf(units);
        requireGroup("kvalitet.organisation.process-owner-group", processOwnerGroup);
        requireGroup("kvalitet.organisation.quality-group", qualityGroup);
        requireGroup("kvalitet.organisation.mas-group", masGroup);
        requireGroup("kvalitet.organisation.contract-manager-group", contractManagerGroup);
        requireGroup("kvalitet.organisation.committee-delegate-group", committeeDelegateGroup);
        Set<String> groups = new HashSet<>(List.of(processOwnerGroup));
        if (!groups.add(qualityGroup)) {
            throw new IllegalArgumentException("kvalitet.organisation: quality-group equals process-owner-group");
        }
        if (!groups.add(masGroup)) {
            throw new IllegalArgumentException("kvalitet.organisation: mas-group equals another role group");
        }
        if (!groups.add(contractManagerGroup)) {
            throw new IllegalArgumentException("kvalitet.organisation: contract-manager-group equals another role group");
        }
        if (!groups.add(committeeDelegateGroup)) {
            throw new IllegalArgumentException("kvalitet.organisation: committee-delegate-group equals another role group");
        }
        if (awards == null) {
            throw new IllegalArgumentException("kvalitet.organisation.awards: the award groups are needed");
        }
        requireGroup("kvalitet.organisation.awards.administrator-group", awards.administratorGroup());
        requireGroup("kvalitet.organisation.awards.jury-group", awards.juryGroup());
        requireGroup("kvalitet.organisation.awards.chair-group", awards.chairGroup());
        for (String group : List.of(awards.administratorGroup(), awards.juryGroup(), awards.chairGroup())) {
            if (!groups.add(group)) {
                throw new IllegalArgumentException("kvalitet.organisation.awards: " + group
                        + " equals another role group");
            }
        }
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            String where = "kvalitet.organisation.units[" + i + "]";
            if (unit.id() == null || !ID.matcher(unit.id()).matches()) {
                throw new IllegalArgumentException(where + ".id must match " + ID + ": " + unit.id());
            }
            if (unit.name() == null || unit.name().isBlank()) {
                throw new IllegalArgumentException(where + ".name is missing");
            }
            if (!groups.add(unit.officerGroup()) || !groups.add(unit.managerGroup())) {
                throw new IllegalArgumentException(where + ": id '" + unit.id() + "' gives a group named twice");
            }
        }
    }

    private static void requireGroup(String setting, String group) {
        if (group == null || !ID.matcher(group).matches()) {
            throw new IllegalArgumentException(setting + " must match " + ID + ": " + group);
        }
    }

    /** Kvalitetsutmärkelse: who opens a call, who scores (the jury) and who proposes the winners (its chair). */
    record Awards(String administratorGroup, String juryGroup, String chairGroup) {
    }

    record Unit(String id, String name) {

        String officerGroup() {
            return id + "Officers";
        }

        String managerGroup() {
            return id + "Managers";
        }
    }
}
