package se.kommun.kvalitet.contracts.api;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The annual report is for whoever reads contracts: contract managers, committees' officers, process owners. */
@Component
public class ReportAccess {

    private final ContractAccess access;

    ReportAccess(ContractAccess access) {
        this.access = access;
    }

    public boolean readsReport(Authentication authentication) {
        return access.readsAny(authentication);
    }
}
