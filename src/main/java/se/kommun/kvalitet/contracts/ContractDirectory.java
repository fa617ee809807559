package se.kommun.kvalitet.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import se.kommun.kvalitet.contracts.record.Area;
import se.kommun.kvalitet.contracts.record.Committees;
import se.kommun.kvalitet.contracts.record.Contract;
import se.kommun.kvalitet.contracts.record.ContractRepository;

/**
 * The contract register as other modules may read it (quality payment links a provider's results to its contract):
 * a summary without the register's internals, read-only.
 */
@Service
public class ContractDirectory {

    private final ContractRepository contracts;
    private final Committees committees;

    ContractDirectory(ContractRepository contracts, Committees committees) {
        this.contracts = contracts;
        this.committees = committees;
    }

    /**
     * A contract as other modules see it.
     *
     * @param area  the area's code, e.g. {@code HOME_CARE}
     * @param unit  the organisation unit whose officers prepare the owning committee's business
     * @param lastDay its termination, else its extension, else its end
     */
    public record ContractSummary(String number, String supplierName, String organisationNumber, String area,
            String areaSv, String areaEn, String committee, String committeeName, String unit, String contactEmail,
            LocalDate start, LocalDate lastDay) {

        public boolean runsDuring(LocalDate from, LocalDate to) {
            return !start.isAfter(to) && !lastDay.isBefore(from);
        }
    }

    public Optional<ContractSummary> find(String number) {
        return number == null ? Optional.empty() : contracts.find(number).map(this::summary);
    }

    /** The contracts of an area ({@code HOME_CARE}, ...) that run on some day between from and to. */
    public List<ContractSummary> runningIn(String area, LocalDate from, LocalDate to) {
        Area known;
        try {
            known = Area.valueOf(area);
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of();
        }
        return contracts.search(new ContractRepository.Search(null, known, null, null, from, to)).stream()
                .map(this::summary).toList();
    }

    /** The area codes the register knows. */
    public static List<String> areas() {
        return java.util.Arrays.stream(Area.values()).map(Area::name).toList();
    }

    /** An area's label as the pages show it, Swedish or English; the code itself if unknown. */
    public static String areaLabel(String area, boolean english) {
        return java.util.Arrays.stream(Area.values()).filter(known -> known.name().equals(area)).findFirst()
                .map(known -> english ? known.english() : known.swedish()).orElse(area);
    }

    private ContractSummary summary(Contract contract) {
        Committees.Committee committee = committees.find(contract.committee()).orElseThrow();
        return new ContractSummary(contract.number(), contract.supplierName(), contract.organisationNumber(),
                contract.area().name(), contract.area().swedish(), contract.area().english(), committee.id(),
                committee.name(), committee.unit(), contract.contactEmail(), contract.start(), contract.lastDay());
    }
}
