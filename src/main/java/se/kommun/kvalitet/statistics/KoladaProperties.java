package se.kommun.kvalitet.statistics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kolada comparison (kvalitet.statistics.kolada): this municipality's Kolada id and name, and the peers it compares
 * itself with (Kolada id to name). An upload may hold only these municipalities.
 */
@ConfigurationProperties("kvalitet.statistics.kolada")
record KoladaProperties(String municipality, String municipalityName, Map<String, String> peers) {

    KoladaProperties {
        if (municipality == null || !municipality.matches("\\d{4}")) {
            throw new IllegalArgumentException("kvalitet.statistics.kolada.municipality must be a four-digit Kolada id: "
                    + municipality);
        }
        peers = peers == null ? Map.of() : new LinkedHashMap<>(peers);
        for (String peer : peers.keySet()) {
            if (!peer.matches("\\d{4}") || peer.equals(municipality)) {
                throw new IllegalArgumentException("kvalitet.statistics.kolada.peers: a peer is a four-digit Kolada id "
                        + "other than the municipality's own: " + peer);
            }
        }
        if (municipalityName == null || municipalityName.isBlank()) {
            municipalityName = municipality;
        }
    }

    boolean known(String id) {
        return municipality.equals(id) || peers.containsKey(id);
    }

    String name(String id) {
        return municipality.equals(id) ? municipalityName : peers.getOrDefault(id, id);
    }
}
