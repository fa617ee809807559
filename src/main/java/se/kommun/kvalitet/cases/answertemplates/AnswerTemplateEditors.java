package se.kommun.kvalitet.cases.answertemplates;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Process owners and the units' managers keep the templates; everybody else reads the active ones. The same groups
 * as the security rules for writing (security.WebSecurityConfiguration).
 */
@Component
class AnswerTemplateEditors {

    private final Set<String> groups = new HashSet<>();

    AnswerTemplateEditors(Organisation organisation) {
        groups.add(organisation.processOwnerGroup());
        organisation.units().forEach(unit -> groups.add(unit.managerGroup()));
    }

    boolean isEditor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .anyMatch(authority -> groups.contains(authority.substring("GROUP_".length())));
    }
}
