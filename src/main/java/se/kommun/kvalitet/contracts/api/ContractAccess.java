package se.kommun.kvalitet.contracts.api;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.contracts.record.Committees;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * Who works with contracts: contract managers and process owners with every contract (and administrators);
 * a committee's officers with their committee's contracts only, reading.
 */
@Component
class ContractAccess {

    private final Organisation organisation;
    private final Committees committees;

    ContractAccess(Organisation organisation, Committees committees) {
        this.organisation = organisation;
        this.committees = committees;
    }

    private static Set<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_")).map(authority -> authority.substring(6))
                .collect(Collectors.toSet());
    }

    /** Contract managers, process owners, administrators: every contract, and they may register and follow up. */
    boolean managesAll(Authentication authentication) {
        Set<String> groups = groups(authentication);
        return groups.contains(organisation.contractManagerGroup()) || groups.contains(organisation.processOwnerGroup())
                || groups.contains("camunda-admin");
    }

    boolean reads(String committee, Authentication authentication) {
        if (managesAll(authentication)) {
            return true;
        }
        Set<String> groups = groups(authentication);
        return committees.find(committee).flatMap(c -> organisation.unit(c.unit()))
                .map(unit -> groups.contains(unit.officerGroup())).orElse(false);
    }

    /** Anyone who reads some contracts: also who may read the annual report. */
    boolean readsAny(Authentication authentication) {
        return managesAll(authentication) || committees.committees().stream()
                .anyMatch(committee -> reads(committee.id(), authentication));
    }

    void requireManager(Authentication authentication) {
        if (!managesAll(authentication)) {
            throw new AccessDeniedException("Contract managers and process owners only");
        }
    }

    void requireReader(String committee, Authentication authentication) {
        if (!reads(committee, authentication)) {
            throw new AccessDeniedException("Not this committee's contracts");
        }
    }

    void requireAnyReader(Authentication authentication) {
        if (!readsAny(authentication)) {
            throw new AccessDeniedException("Contract managers, committees' officers and process owners only");
        }
    }
}
