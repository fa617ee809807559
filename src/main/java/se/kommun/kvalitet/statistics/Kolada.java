package se.kommun.kvalitet.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The imported Kolada values and the mapping of KPIs to our measures ({@code app.kolada_value}, {@code app.kolada_mapping}). */
@Component
class Kolada {

    private final JdbcTemplate jdbc;
    private final KoladaProperties settings;
    private final Clock clock;

    Kolada(JdbcTemplate jdbc, KoladaProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A KPI compared with one of our measures. */
    record Mapping(String kpi, Measure measure, String title) {
    }

    /** A mapped KPI for one year: our own figure (computed here) beside Kolada's values for us and for each peer. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Comparison(String kpi, String title, String measure, String measureLabel, Double own, Integer period,
            List<Peer> kolada) {
    }

    /** Kolada's value (gender T, total) of one municipality; {@code own} marks this municipality's. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Peer(String municipality, String name, boolean own, BigDecimal value) {
    }

    List<Mapping> mappings() {
        return jdbc.query("select kpi, measure, title from app.kolada_mapping order by kpi",
                (rs, row) -> new Mapping(rs.getString("kpi"), Measure.valueOf(rs.getString("measure")),
                        rs.getString("title")));
    }

    @Transactional
    void map(String kpi, Measure measure, String title, String by) {
        jdbc.update("""
                insert into app.kolada_mapping (kpi, measure, title, mapped_by, mapped_at) values (?, ?, ?, ?, ?)
                on conflict (kpi) do update set measure = excluded.measure, title = excluded.title,
                    mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at""",
                kpi, measure.name(), title, by, Timestamp.from(clock.instant()));
    }

    @Transactional
    boolean unmap(String kpi) {
        return jdbc.update("delete from app.kolada_mapping where kpi = ?", kpi) > 0;
    }

    /** The KPIs that have imported values, for choosing one to map or to follow in a styrkort. */
    List<String> importedKpis() {
        return jdbc.queryForList("select distinct kpi from app.kolada_value order by kpi", String.class);
    }

    /** This municipality's own Kolada value (gender T) of a KPI for a year, if imported. */
    Optional<BigDecimal> ownValue(String kpi, int period) {
        return jdbc.query("""
                select value from app.kolada_value
                where kpi = ? and municipality = ? and period = ? and gender = 'T' and value is not null""",
                (rs, row) -> rs.getBigDecimal("value"), kpi, settings.municipality(), period).stream().findFirst();
    }

    /**
     * Each mapped KPI with our figure from {@code figures} beside Kolada's values of the latest imported year up to
     * {@code year} (Kolada publishes a year's figures months after it ends).
     */
    List<Comparison> comparisons(Figures figures, int year, java.util.Locale locale) {
        return mappings().stream().map(mapping -> {
            Integer period = jdbc.queryForObject("""
                    select max(period) from app.kolada_value where kpi = ? and period <= ? and gender = 'T'""",
                    Integer.class, mapping.kpi(), year);
            List<Peer> peers = period == null ? List.of() : jdbc.query("""
                    select municipality, value from app.kolada_value
                    where kpi = ? and period = ? and gender = 'T' order by municipality""",
                    (rs, row) -> new Peer(rs.getString("municipality"), settings.name(rs.getString("municipality")),
                            settings.municipality().equals(rs.getString("municipality")), rs.getBigDecimal("value")),
                    mapping.kpi(), period).stream().filter(peer -> settings.known(peer.municipality())).toList();
            return new Comparison(mapping.kpi(), mapping.title(), mapping.measure().name(),
                    mapping.measure().label(locale), mapping.measure().valueIn(figures), period, peers);
        }).toList();
    }
}
