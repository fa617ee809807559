package se.kommun.kvalitet.actionplans.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.Deficiency;
import se.kommun.kvalitet.actionplans.OwnerReference;
import se.kommun.kvalitet.actionplans.ProposedMeasure;

/** {@code app.action_plan} and its measures, in plain SQL. */
@Repository
public class ActionPlanRepository {

    private final JdbcTemplate jdbc;

    ActionPlanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(OwnerReference owner, LocalDate deadline, Instant requestedAt, List<Deficiency> deficiencies) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into app.action_plan (owner_kind, owner_id, status, deadline, requested_at)
                    values (?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, owner.kind());
            statement.setString(2, owner.id());
            statement.setString(3, ActionPlanStatus.REQUESTED.name());
            statement.setObject(4, deadline);
            statement.setTimestamp(5, Timestamp.from(requestedAt));
            return statement;
        }, key);
        long id = key.getKey().longValue();
        for (int i = 0; i < deficiencies.size(); i++) {
            jdbc.update("insert into app.action_plan_measure (plan_id, position, area, deficiency) values (?, ?, ?, ?)",
                    id, i + 1, deficiencies.get(i).area(), deficiencies.get(i).description());
        }
        return id;
    }

    public Optional<ActionPlan> find(long id) {
        return jdbc.query("select * from app.action_plan where id = ?", (row, n) -> map(row), id).stream()
                .findFirst();
    }

    /** Locks the plan's row, so that two hand-ins through the same link cannot both pass the status check. */
    public Optional<ActionPlan> findForUpdate(long id) {
        return jdbc.query("select * from app.action_plan where id = ? for update", (row, n) -> map(row), id).stream()
                .findFirst();
    }

    public List<ActionPlan> forOwner(OwnerReference owner) {
        return jdbc.query("select * from app.action_plan where owner_kind = ? and owner_id = ? order by id",
                (row, n) -> map(row), owner.kind(), owner.id());
    }

    public void recordSubmission(long id, List<ProposedMeasure> measures, Instant submittedAt) {
        for (ProposedMeasure measure : measures) {
            jdbc.update("update app.action_plan_measure set measure = ?, responsible = ?, due_on = ? "
                    + "where plan_id = ? and position = ?", measure.measure().strip(), measure.responsible().strip(),
                    measure.dueOn(), id, measure.position());
        }
        jdbc.update("update app.action_plan set status = ?, submitted_at = ? where id = ?",
                ActionPlanStatus.SUBMITTED.name(), Timestamp.from(submittedAt), id);
    }

    public void recordReview(long id, ActionPlanStatus status, String comments, String reviewedBy, Instant at,
            LocalDate followUpOn) {
        jdbc.update("""
                update app.action_plan set status = ?, review_comments = ?, reviewed_by = ?, reviewed_at = ?,
                    follow_up_on = ?, revisions = revisions + case when ? = 'SENT_BACK' then 1 else 0 end
                where id = ?""", status.name(), comments, reviewedBy, Timestamp.from(at), followUpOn, status.name(), id);
    }

    /** A revision round: the plan waits for its author again until the new deadline. */
    public void renewDeadline(long id, LocalDate deadline) {
        jdbc.update("update app.action_plan set deadline = ? where id = ?", deadline, id);
    }

    public void postponeFollowUp(long id, LocalDate followUpOn) {
        jdbc.update("update app.action_plan set follow_up_on = ?, status = ? where id = ?", followUpOn,
                ActionPlanStatus.APPROVED.name(), id);
    }

    public void recordVerification(long id, Map<Integer, Boolean> remediedByPosition, String verifiedBy, Instant at) {
        remediedByPosition.forEach((position, remedied) -> jdbc.update("update app.action_plan_measure "
                + "set remedied = ?, verified_by = ?, verified_at = ? where plan_id = ? and position = ?",
                remedied, verifiedBy, Timestamp.from(at), id, position));
        jdbc.update("update app.action_plan set status = ? where id = ?", ActionPlanStatus.VERIFIED.name(), id);
    }

    private ActionPlan map(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        Timestamp submitted = row.getTimestamp("submitted_at");
        return new ActionPlan(id, new OwnerReference(row.getString("owner_kind"), row.getString("owner_id")),
                ActionPlanStatus.valueOf(row.getString("status")), row.getObject("deadline", LocalDate.class),
                row.getTimestamp("requested_at").toInstant(), submitted == null ? null : submitted.toInstant(),
                row.getString("review_comments"), row.getString("reviewed_by"),
                row.getObject("follow_up_on", LocalDate.class), row.getInt("revisions"), measures(id));
    }

    private List<ActionPlan.Measure> measures(long planId) {
        return jdbc.query("select * from app.action_plan_measure where plan_id = ? order by position",
                (row, n) -> new ActionPlan.Measure(row.getLong("id"), row.getInt("position"), row.getString("area"),
                        row.getString("deficiency"), row.getString("measure"), row.getString("responsible"),
                        row.getObject("due_on", LocalDate.class), row.getObject("remedied", Boolean.class),
                        row.getString("verified_by")), planId);
    }
}
