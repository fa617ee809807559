package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code app.quality_result}, {@code app.quality_period} and {@code app.quality_payment}, in plain SQL. */
@Repository
class QualityRepository {

    private final JdbcTemplate jdbc;

    QualityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Result(long id, String period, String area, String provider, String contractNumber, String indicator,
            BigDecimal value, BigDecimal performedHours, String source, Instant registeredAt, String registeredBy,
            Instant correctedAt, String correctedBy) {
    }

    enum Status { COLLECTING, COMPUTED, APPROVED }

    record Period(long id, String period, String area, Status status, Instant startedAt, String startedBy,
            Instant computedAt, String decisionNumber, Instant approvedAt, String approvedBy) {
    }

    record Payment(String provider, String contractNumber, int level, BigDecimal ratePerHour,
            BigDecimal performedHours, BigDecimal amount) {
    }

    long insert(Result result) {
        return jdbc.queryForObject("""
                insert into app.quality_result (period, area, provider, contract_number, indicator, value,
                    performed_hours, source, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, result.period(), result.area(),
                result.provider(), result.contractNumber(), result.indicator(), result.value(),
                result.performedHours(), result.source(), Timestamp.from(result.registeredAt()),
                result.registeredBy());
    }

    void correct(long id, BigDecimal value, BigDecimal performedHours, String source, Instant at, String by) {
        jdbc.update("""
                update app.quality_result set value = ?, performed_hours = ?, source = ?, corrected_at = ?,
                    corrected_by = ? where id = ?""", value, performedHours, source, Timestamp.from(at), by, id);
    }

    Optional<Result> find(String period, String provider, String indicator) {
        return jdbc.query("select * from app.quality_result where period = ? and lower(provider) = lower(?) "
                + "and indicator = ?", QualityRepository::result, period, provider, indicator).stream().findFirst();
    }

    List<Result> results(String period, String area) {
        return jdbc.query("select * from app.quality_result where period = ? and area = ? order by provider, "
                + "indicator", QualityRepository::result, period, area);
    }

    List<Result> resultsOf(String period, String provider) {
        return jdbc.query("select * from app.quality_result where period = ? and lower(provider) = lower(?) "
                + "order by indicator", QualityRepository::result, period, provider);
    }

    long insertPeriod(String period, String area, Instant at, String by) {
        return jdbc.queryForObject("""
                insert into app.quality_period (period, area, status, started_at, started_by)
                values (?, ?, 'COLLECTING', ?, ?) returning id""", Long.class, period, area, Timestamp.from(at), by);
    }

    Optional<Period> period(String period, String area) {
        return jdbc.query("select * from app.quality_period where period = ? and area = ?",
                QualityRepository::period, period, area).stream().findFirst();
    }

    /** Locks the row: a correction and an approval of one period never cross. */
    Optional<Period> periodForUpdate(String period, String area) {
        return jdbc.query("select * from app.quality_period where period = ? and area = ? for update",
                QualityRepository::period, period, area).stream().findFirst();
    }

    /** The decided periods of every area, latest first: all that is ever public. */
    List<Period> approvedPeriods() {
        return jdbc.query("select * from app.quality_period where status = 'APPROVED' order by period desc, area",
                QualityRepository::period);
    }

    void replacePayments(long periodId, List<Payment> payments, Instant at) {
        jdbc.update("delete from app.quality_payment where period_id = ?", periodId);
        for (Payment payment : payments) {
            jdbc.update("""
                    insert into app.quality_payment (period_id, provider, contract_number, level, rate_per_hour,
                        performed_hours, amount) values (?, ?, ?, ?, ?, ?, ?)""", periodId, payment.provider(),
                    payment.contractNumber(), payment.level(), payment.ratePerHour(), payment.performedHours(),
                    payment.amount());
        }
        jdbc.update("update app.quality_period set status = 'COMPUTED', computed_at = ? where id = ?",
                Timestamp.from(at), periodId);
    }

    List<Payment> payments(long periodId) {
        return jdbc.query("select * from app.quality_payment where period_id = ? order by provider",
                (row, n) -> new Payment(row.getString("provider"), row.getString("contract_number"),
                        row.getInt("level"), row.getBigDecimal("rate_per_hour"), row.getBigDecimal("performed_hours"),
                        row.getBigDecimal("amount")), periodId);
    }

    void approve(long periodId, String decisionNumber, Instant at, String by) {
        jdbc.update("update app.quality_period set status = 'APPROVED', decision_number = ?, approved_at = ?, "
                + "approved_by = ? where id = ?", decisionNumber, Timestamp.from(at), by, periodId);
    }

    private static Result result(ResultSet row, int n) throws SQLException {
        return new Result(row.getLong("id"), row.getString("period"), row.getString("area"), row.getString("provider"),
                row.getString("contract_number"), row.getString("indicator"), row.getBigDecimal("value"),
                row.getBigDecimal("performed_hours"), row.getString("source"), instant(row, "registered_at"),
                row.getString("registered_by"), instant(row, "corrected_at"), row.getString("corrected_by"));
    }

    private static Period period(ResultSet row, int n) throws SQLException {
        return new Period(row.getLong("id"), row.getString("period"), row.getString("area"),
                Status.valueOf(row.getString("status")), instant(row, "started_at"), row.getString("started_by"),
                instant(row, "computed_at"), row.getString("decision_number"), instant(row, "approved_at"),
                row.getString("approved_by"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
