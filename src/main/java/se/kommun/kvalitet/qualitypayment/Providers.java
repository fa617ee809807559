package se.kommun.kvalitet.qualitypayment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import se.kommun.kvalitet.contracts.ContractDirectory;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.FieldError;

/**
 * Who reports in a period of an area: every contract of the area that runs during the tertial (from the contract
 * register) and the area's in-house units (from the settings).
 */
@Component
class Providers {

    private final ContractDirectory contracts;
    private final QualityPaymentSettings settings;

    Providers(ContractDirectory contracts, QualityPaymentSettings settings, Organisation organisation) {
        this.contracts = contracts;
        this.settings = settings;
        for (QualityPaymentSettings.InHouseProvider provider : settings.inHouseProviders()) {
            if (organisation.unit(provider.unit()).isEmpty() || !ContractDirectory.areas().contains(provider.area())) {
                throw new IllegalStateException("kvalitet.quality-payment.in-house-providers: '" + provider.name()
                        + "' needs a unit of kvalitet.organisation.units and an area of " + ContractDirectory.areas());
            }
        }
    }

    List<Provider> expected(Tertial tertial, String area) {
        List<Provider> providers = new ArrayList<>();
        contracts.runningIn(area, tertial.first(), tertial.last()).forEach(contract -> providers.add(
                new Provider(contract.supplierName(), contract.number(), contract.area(), contract.unit(),
                        contract.contactEmail())));
        settings.inHouseProviders().stream().filter(provider -> provider.area().equals(area)).forEach(provider ->
                providers.add(new Provider(provider.name(), null, provider.area(), provider.unit(), provider.email())));
        return providers;
    }

    /** The provider a result names, or the errors that say why it is not one. */
    Optional<Provider> resolve(String name, String contractNumber, Tertial tertial, List<FieldError> errors) {
        if (name == null) {
            errors.add(new FieldError("provider", "required", "Utförare krävs / provider required"));
            return Optional.empty();
        }
        if (contractNumber == null) {
            Optional<QualityPaymentSettings.InHouseProvider> inHouse = settings.inHouse(name);
            if (inHouse.isEmpty()) {
                errors.add(new FieldError("provider", "unknown-provider", "Okänd utförare: en leverantör anges med "
                        + "sitt avtalsnummer, egen regi med sitt namn i inställningarna / unknown provider: a supplier "
                        + "needs its contract number"));
                return Optional.empty();
            }
            QualityPaymentSettings.InHouseProvider unit = inHouse.get();
            return Optional.of(new Provider(unit.name(), null, unit.area(), unit.unit(), unit.email()));
        }
        Optional<ContractDirectory.ContractSummary> found = contracts.find(contractNumber);
        if (found.isEmpty()) {
            errors.add(new FieldError("contractNumber", "unknown-contract", "Okänt avtalsnummer / unknown contract"));
            return Optional.empty();
        }
        ContractDirectory.ContractSummary contract = found.get();
        if (!contract.supplierName().equalsIgnoreCase(name)) {
            errors.add(new FieldError("provider", "provider-not-on-contract", "Avtalet " + contract.number()
                    + " är med " + contract.supplierName() + " / the contract is with " + contract.supplierName()));
            return Optional.empty();
        }
        if (tertial != null && !contract.runsDuring(tertial.first(), tertial.last())) {
            errors.add(new FieldError("contractNumber", "contract-not-running", "Avtalet löper inte under "
                    + tertial + " / the contract does not run in the period"));
            return Optional.empty();
        }
        return Optional.of(new Provider(contract.supplierName(), contract.number(), contract.area(), contract.unit(),
                contract.contactEmail()));
    }
}
