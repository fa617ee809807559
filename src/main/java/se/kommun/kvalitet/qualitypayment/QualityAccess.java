package se.kommun.kvalitet.qualitypayment;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Who works with quality payment: contract managers, process owners and administrators with every provider; a
 * unit's officers (the responsible officers of the committee the unit serves) with that unit's providers. The
 * committee's delegates approve in the process (docs/kvalitetspeng.md) and read periods and their reports here, but
 * register nothing.
 */
@Component
class QualityAccess {

    private final Organisation organisation;

    QualityAccess(Organisation organisation) {
        this.organisation = organisation;
    }

    /** Who acts: the user and the groups the request was authenticated with. */
    record Actor(String user, Set<String> groups) {
    }

    static Actor actor(Authentication authentication) {
        return new Actor(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring(6)).collect(Collectors.toSet()));
    }

    boolean managesAll(Actor actor) {
        return actor.groups().contains(organisation.contractManagerGroup())
                || actor.groups().contains(organisation.processOwnerGroup()) || actor.groups().contains("camunda-admin");
    }

    boolean works(Actor actor, String unit) {
        return managesAll(actor) || organisation.unit(unit).map(u -> actor.groups().contains(u.officerGroup()))
                .orElse(false);
    }

    /** Someone who works with some providers: may call the API at all (rows are then checked one by one). */
    void requireStaff(Actor actor) {
        if (!managesAll(actor) && organisation.units().stream().noneMatch(u -> actor.groups().contains(u.officerGroup()))) {
            throw new AccessDeniedException("Contract managers, process owners and units' officers only");
        }
    }

    /** Staff, or the committee's delegates: may read periods and their reports. */
    void requireReader(Actor actor) {
        if (!actor.groups().contains(organisation.committeeDelegateGroup())) {
            requireStaff(actor);
        }
    }

    void requireManager(Actor actor) {
        if (!managesAll(actor)) {
            throw new AccessDeniedException("Contract managers and process owners only");
        }
    }
}
