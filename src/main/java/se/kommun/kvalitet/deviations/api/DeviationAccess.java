package se.kommun.kvalitet.deviations.api;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.deviations.record.Deviation;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Who may read a deviation (OSL 26 kap., issue 17): the reporting unit's managers, the quality group, the MAS group
 * when the deviation is a lex Maria case, process owners and administrators. Officers, also of the unit, may not:
 * they report, they do not read others' reports.
 */
@Component
class DeviationAccess {

    private final Organisation organisation;

    DeviationAccess(Organisation organisation) {
        this.organisation = organisation;
    }

    void require(Deviation deviation, Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_")).map(authority -> authority.substring(6))
                .collect(Collectors.toSet());
        boolean allowed = groups.contains(deviation.managerGroup())
                || groups.contains(organisation.qualityGroup())
                || groups.contains(organisation.processOwnerGroup())
                || groups.contains("camunda-admin")
                || Boolean.TRUE.equals(deviation.lexMaria()) && groups.contains(organisation.masGroup());
        if (!allowed) {
            throw new AccessDeniedException("Deviation " + deviation.reference() + " is not for this user");
        }
    }
}
