package se.kommun.kvalitet.cases.record;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Officers see their own units' cases (and managers their units'); process owners and admins see all. */
@Component
public class OfficerAccess {

    private final Set<String> seeAllGroups;

    OfficerAccess(@Value("${kvalitet.organisation.process-owner-group}") String processOwnerGroup) {
        this.seeAllGroups = Set.of(processOwnerGroup, "camunda-admin");
    }

    public void require(CitizenCase citizenCase, Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_")).map(authority -> authority.substring(6))
                .collect(Collectors.toSet());
        boolean allowed = groups.contains(citizenCase.candidateGroup()) || groups.contains(citizenCase.managerGroup())
                || groups.stream().anyMatch(seeAllGroups::contains);
        if (!allowed) {
            throw new AccessDeniedException("Case " + citizenCase.reference() + " belongs to another unit");
        }
    }
}
