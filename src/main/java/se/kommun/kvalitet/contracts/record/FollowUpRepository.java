package se.kommun.kvalitet.contracts.record;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code app.contract_follow_up} and its deficiencies. */
@Repository
public class FollowUpRepository {

    private final JdbcTemplate jdbc;

    FollowUpRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long open(long contractId, Instant startedAt, String startedBy) {
        return jdbc.queryForObject("""
                insert into app.contract_follow_up (contract_id, started_at, started_by) values (?, ?, ?)
                returning id""", Long.class, contractId, Timestamp.from(startedAt), startedBy);
    }

    /** The form's result; a repeated completion (a retried command) replaces the deficiencies, never adds. */
    public void recordResult(long id, String overallResult, List<FollowUp.Finding> deficiencies, String performedBy,
            Instant at) {
        jdbc.update("update app.contract_follow_up set overall_result = ?, performed_by = ?, performed_at = ? where id = ?",
                overallResult, performedBy, Timestamp.from(at), id);
        jdbc.update("delete from app.contract_deficiency where follow_up_id = ?", id);
        for (int i = 0; i < deficiencies.size(); i++) {
            jdbc.update("insert into app.contract_deficiency (follow_up_id, position, area, description) "
                    + "values (?, ?, ?, ?)", id, i + 1, deficiencies.get(i).area(), deficiencies.get(i).description());
        }
    }

    public void attachActionPlan(long id, long planId) {
        jdbc.update("update app.contract_follow_up set action_plan_id = ? where id = ?", planId, id);
    }

    public void recordOutcome(long id, EscalationOutcome outcome, String reason, BigDecimal settlementAmount) {
        jdbc.update("update app.contract_follow_up set outcome = ?, outcome_reason = ?, settlement_amount = ? where id = ?",
                outcome.name(), reason, settlementAmount, id);
    }

    public void close(long id, Instant at) {
        jdbc.update("update app.contract_follow_up set closed_at = ? where id = ?", Timestamp.from(at), id);
    }

    public FollowUp require(long id) {
        return jdbc.query("select * from app.contract_follow_up where id = ?", this::map, id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No follow-up " + id));
    }

    public List<FollowUp> ofContract(long contractId) {
        return jdbc.query("select * from app.contract_follow_up where contract_id = ? order by started_at, id",
                this::map, contractId);
    }

    private FollowUp map(ResultSet row, int n) throws SQLException {
        long id = row.getLong("id");
        String outcome = row.getString("outcome");
        BigDecimal amount = row.getBigDecimal("settlement_amount");
        return new FollowUp(id, row.getLong("contract_id"), ContractRepository.instant(row.getTimestamp("started_at")),
                row.getString("started_by"), row.getString("overall_result"), row.getString("performed_by"),
                ContractRepository.instant(row.getTimestamp("performed_at")), row.getObject("action_plan_id", Long.class),
                outcome == null ? null : EscalationOutcome.valueOf(outcome), row.getString("outcome_reason"), amount,
                ContractRepository.instant(row.getTimestamp("closed_at")),
                jdbc.query("select area, description from app.contract_deficiency where follow_up_id = ? order by position",
                        (r, i) -> new FollowUp.Finding(r.getString("area"), r.getString("description")), id));
    }
}
