package se.kommun.kvalitet.contracts.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code app.contract}, in plain SQL. */
@Repository
public class ContractRepository {

    private final JdbcTemplate jdbc;

    ContractRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The search of {@code GET /api/contracts}; every criterion is optional. */
    public record Search(String supplier, Area area, String committee, Boolean strategic, LocalDate activeFrom,
            LocalDate activeTo) {
    }

    public long insert(Contract contract) {
        return jdbc.queryForObject("""
                insert into app.contract (number, title, supplier_name, organisation_number, area, committee, strategic,
                    start_date, end_date, extended_to, contact_email, contract_manager, follow_up_interval,
                    registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, contract.number(),
                contract.title(), contract.supplierName(), contract.organisationNumber(), contract.area().name(),
                contract.committee(), contract.strategic(), contract.start(), contract.end(), contract.extendedTo(),
                contract.contactEmail(), contract.contractManager(), contract.followUpInterval().toString(),
                Timestamp.from(contract.registeredAt()), contract.registeredBy());
    }

    public boolean exists(String number) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app.contract where number = ?)",
                Boolean.class, number));
    }

    public Optional<Contract> find(String number) {
        return jdbc.query("select * from app.contract where number = ?", ContractRepository::map, number).stream()
                .findFirst();
    }

    public Contract require(String number) {
        return find(number).orElseThrow(() -> new ContractNotFoundException(number));
    }

    public Contract byId(long id) {
        return jdbc.query("select * from app.contract where id = ?", ContractRepository::map, id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No contract with id " + id));
    }

    public List<Contract> search(Search search) {
        StringBuilder sql = new StringBuilder("select * from app.contract where true");
        List<Object> arguments = new ArrayList<>();
        if (search.supplier() != null && !search.supplier().isBlank()) {
            sql.append(" and supplier_name ilike ?");
            arguments.add("%" + search.supplier().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.area() != null) {
            sql.append(" and area = ?");
            arguments.add(search.area().name());
        }
        if (search.committee() != null && !search.committee().isBlank()) {
            sql.append(" and committee = ?");
            arguments.add(search.committee());
        }
        if (search.strategic() != null) {
            sql.append(" and strategic = ?");
            arguments.add(search.strategic());
        }
        if (search.activeTo() != null) {
            sql.append(" and start_date <= ?");
            arguments.add(search.activeTo());
        }
        if (search.activeFrom() != null) {
            sql.append(" and coalesce(terminated_on, extended_to, end_date) >= ?");
            arguments.add(search.activeFrom());
        }
        sql.append(" order by number");
        return jdbc.query(sql.toString(), ContractRepository::map, arguments.toArray());
    }

    public void terminate(String number, LocalDate on) {
        jdbc.update("update app.contract set terminated_on = ? where number = ?", on, number);
    }

    static Contract map(ResultSet row, int n) throws SQLException {
        return new Contract(row.getLong("id"), row.getString("number"), row.getString("title"),
                row.getString("supplier_name"), row.getString("organisation_number"), Area.valueOf(row.getString("area")),
                row.getString("committee"), row.getBoolean("strategic"), row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class), row.getObject("extended_to", LocalDate.class),
                row.getString("contact_email"), row.getString("contract_manager"),
                Period.parse(row.getString("follow_up_interval")), instant(row.getTimestamp("registered_at")),
                row.getString("registered_by"), row.getObject("terminated_on", LocalDate.class));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
