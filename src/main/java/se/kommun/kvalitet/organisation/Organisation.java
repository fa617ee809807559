package se.kommun.kvalitet.organisation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/** The units and role groups other modules route, escalate and authorize by (from {@code kvalitet.organisation}). */
@Service
public class Organisation {

    private final List<Unit> units;
    private final String processOwnerGroup;
    private final String qualityGroup;
    private final String masGroup;
    private final String contractManagerGroup;
    private final String committeeDelegateGroup;
    private final AwardGroups awardGroups;
    private final Set<String> groups;

    Organisation(OrganisationProperties properties) {
        this.units = properties.units().stream()
                .map(unit -> new Unit(unit.id(), unit.name(), unit.officerGroup(), unit.managerGroup()))
                .toList();
        this.processOwnerGroup = properties.processOwnerGroup();
        this.qualityGroup = properties.qualityGroup();
        this.masGroup = properties.masGroup();
        this.contractManagerGroup = properties.contractManagerGroup();
        this.committeeDelegateGroup = properties.committeeDelegateGroup();
        this.awardGroups = new AwardGroups(properties.awards().administratorGroup(), properties.awards().juryGroup(),
                properties.awards().chairGroup());
        Set<String> all = new LinkedHashSet<>();
        units.forEach(unit -> all.addAll(List.of(unit.officerGroup(), unit.managerGroup())));
        all.add(processOwnerGroup);
        all.add(qualityGroup);
        all.add(masGroup);
        all.add(contractManagerGroup);
        all.add(committeeDelegateGroup);
        all.addAll(List.of(awardGroups.administrators(), awardGroups.jury(), awardGroups.chairs()));
        this.groups = Set.copyOf(all);
    }

    /** A unit and its two Camunda groups; {@code name} is Swedish, as officers read it. */
    public record Unit(String id, String name, String officerGroup, String managerGroup) {
    }

    /** In configuration order, which is the order forms offer them in. */
    public List<Unit> units() {
        return units;
    }

    public Optional<Unit> unitOf(String officerGroup) {
        return units.stream().filter(unit -> unit.officerGroup().equals(officerGroup)).findFirst();
    }

    /** The unit whose officers {@code officerGroup} names, or a refusal that says which units exist. */
    public Unit requireUnitOf(String officerGroup) {
        return unitOf(officerGroup).orElseThrow(() -> new UnknownUnitException(officerGroup,
                units.stream().map(Unit::officerGroup).toList()));
    }

    public String processOwnerGroup() {
        return processOwnerGroup;
    }

    public String qualityGroup() {
        return qualityGroup;
    }

    /** The medically responsible nurses (MAS): they investigate lex Maria events and report them to IVO. */
    public String masGroup() {
        return masGroup;
    }

    /** Avtalsförvaltare: they keep the contract register, follow contracts up and get their escalations. */
    public String contractManagerGroup() {
        return contractManagerGroup;
    }

    /** Nämndens delegater: decide on the committee's delegation, e.g. approve a period's quality payment. */
    public String committeeDelegateGroup() {
        return committeeDelegateGroup;
    }

    /** Kvalitetsutmärkelse: the administrators open calls, the jury scores, the chairs propose the winners. */
    public record AwardGroups(String administrators, String jury, String chairs) {
    }

    public AwardGroups awardGroups() {
        return awardGroups;
    }

    /** The unit with this id, or a refusal that says which units exist. */
    public Optional<Unit> unit(String id) {
        return units.stream().filter(unit -> unit.id().equals(id)).findFirst();
    }

    /** Every group the organisation defines: the units' officer and manager groups, process owners, quality, MAS, contract managers, committee delegates, award groups. */
    public Set<String> groups() {
        return groups;
    }

    public boolean hasGroup(String group) {
        return groups.contains(group);
    }
}
