package se.kommun.kvalitet.statistics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Whose figures a reader sees: process owners, the quality group and administrators every unit's, a manager her own
 * units' (the units whose manager group she is in). The security rules let only these groups in at all.
 */
@Component
class StatisticsAccess {

    private final Organisation organisation;

    StatisticsAccess(Organisation organisation) {
        this.organisation = organisation;
    }

    /**
     * The unit ids to aggregate over (empty: all units): the asked unit if the reader may see it, else her units.
     *
     * @throws UnknownStatisticsUnitException for a unit the organisation lacks
     * @throws AccessDeniedException for a unit that is not hers
     */
    List<String> units(Authentication authentication, String unit) {
        if (unit != null && organisation.unit(unit).isEmpty()) {
            throw new UnknownStatisticsUnitException(unit,
                    organisation.units().stream().map(Organisation.Unit::id).toList());
        }
        Set<String> groups = groups(authentication);
        boolean seesAll = groups.contains(organisation.processOwnerGroup())
                || groups.contains(organisation.qualityGroup()) || groups.contains("camunda-admin");
        List<String> own = organisation.units().stream().filter(u -> seesAll || groups.contains(u.managerGroup()))
                .map(Organisation.Unit::id).toList();
        if (unit != null) {
            if (!own.contains(unit)) {
                throw new AccessDeniedException("Unit " + unit + " is not among the reader's units");
            }
            return List.of(unit);
        }
        if (own.isEmpty()) {
            throw new AccessDeniedException("The reader manages no unit");
        }
        return seesAll ? List.of() : own;
    }

    /** Whether the reader reviews and verifies the units' action plans: process owners, quality, administrators. */
    boolean reviewsPlans(Authentication authentication) {
        Set<String> groups = groups(authentication);
        return groups.contains(organisation.processOwnerGroup()) || groups.contains(organisation.qualityGroup())
                || groups.contains("camunda-admin");
    }

    /** Whether the reader is one of the unit's managers (whose action plans she writes). */
    boolean managesUnit(Authentication authentication, String unit) {
        return organisation.unit(unit).map(u -> groups(authentication).contains(u.managerGroup())).orElse(false);
    }

    /**
     * The units whose cases the reader may open, as the cases module decides (OfficerAccess): every unit for process
     * owners and administrators, her own units for a manager, none for the quality group, which sees figures only.
     */
    Set<String> unitsWhoseCasesAreReadable(Authentication authentication) {
        Set<String> groups = groups(authentication);
        boolean all = groups.contains(organisation.processOwnerGroup()) || groups.contains("camunda-admin");
        return organisation.units().stream().filter(u -> all || groups.contains(u.managerGroup()))
                .map(Organisation.Unit::id).collect(Collectors.toSet());
    }

    private static Set<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_")).map(authority -> authority.substring(6))
                .collect(Collectors.toSet());
    }
}
