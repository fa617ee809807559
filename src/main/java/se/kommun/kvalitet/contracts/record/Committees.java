package se.kommun.kvalitet.contracts.record;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The committees (nämnder) that own contracts, from {@code kvalitet.contracts.committees}: each has an id, its
 * Swedish name and the organisation unit whose officers (tjänstepersoner) prepare its follow-ups. A mistake here
 * stops the start, naming the setting; the unit is checked against the organisation by {@code ContractSettings}.
 */
@ConfigurationProperties("kvalitet.contracts")
public record Committees(List<Committee> committees) {

    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9]*");

    public Committees {
        if (committees == null || committees.isEmpty()) {
            throw new IllegalArgumentException("kvalitet.contracts.committees: at least one committee is needed");
        }
        committees = List.copyOf(committees);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < committees.size(); i++) {
            Committee committee = committees.get(i);
            String where = "kvalitet.contracts.committees[" + i + "]";
            if (committee.id() == null || !ID.matcher(committee.id()).matches() || !ids.add(committee.id())) {
                throw new IllegalArgumentException(where + ".id must match " + ID + " and be unique: " + committee.id());
            }
            if (committee.name() == null || committee.name().isBlank() || committee.unit() == null) {
                throw new IllegalArgumentException(where + ": name and unit are required");
            }
        }
    }

    /** A committee; {@code unit} is an id of kvalitet.organisation.units. */
    public record Committee(String id, String name, String unit) {
    }

    public Optional<Committee> find(String id) {
        return committees.stream().filter(committee -> committee.id().equals(id)).findFirst();
    }
}
