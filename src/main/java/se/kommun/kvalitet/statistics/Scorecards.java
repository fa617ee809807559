package se.kommun.kvalitet.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.Deficiency;
import se.kommun.kvalitet.actionplans.OwnerReference;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The styrkort: per unit and year, goals with key figures (our measures or an imported Kolada KPI), each with a
 * target and a direction. The actual value is computed for the year (up to today while it runs). After the year's
 * end, {@link #settleEndedYears} settles each key figure once: met or not met, and a missed one starts exactly one
 * handlingsplan for the unit's manager through {@link ActionPlans}, owned by {@code UNIT}/the unit's id, mails
 * its personal link to the unit's managers ({@link ScorecardPlanMail}) and starts its process, which reminds and
 * escalates ({@link UnitActionPlans}), all in the settling transaction. That plan is round 1; when its follow-up finds
 * the deficiency not remedied, the process asks the unit for the next round's plan ({@link #nextRound}), a new plan
 * for the same key figure ({@code app.scorecard_plan_round}).
 */
@Component
class Scorecards {

    static final String OWNER_KIND = "UNIT";

    private static final Logger log = LoggerFactory.getLogger(Scorecards.class);

    enum Direction { AT_LEAST, AT_MOST }

    enum Status { MET, NOT_MET, NO_DATA }

    record NewKeyFigure(String measure, String kpi, BigDecimal target, String direction) {
    }

    record NewGoal(String unit, Integer year, String title, List<NewKeyFigure> keyFigures) {
    }

    /**
     * A key figure with its actual value and status; {@code settled} once the year's end decided it (else the status
     * is preliminary), and if it missed the target its current action plan and that plan's round (1 for the year
     * end's plan).
     */
    record KeyFigure(long id, String measure, String kpi, String label, BigDecimal target, Direction direction,
            Double actual, Status status, boolean settled, Long actionPlanId, Integer planRound) {
    }

    /** A round's plan: asked of the unit by {@code deadline}. */
    record PlanRound(long planId, int round, LocalDate deadline) {
    }

    record Goal(long id, String unit, int year, String title, List<KeyFigure> keyFigures) {
    }

    private final JdbcTemplate jdbc;
    private final StatisticsQuery query;
    private final Kolada kolada;
    private final ActionPlans actionPlans;
    private final ScorecardPlanMail planMail;
    private final UnitActionPlans planProcesses;
    private final Organisation organisation;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Period planDueAfter;

    Scorecards(JdbcTemplate jdbc, StatisticsQuery query, Kolada kolada, ActionPlans actionPlans,
            ScorecardPlanMail planMail, UnitActionPlans planProcesses, Organisation organisation,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${kvalitet.statistics.scorecard.action-plan-due-after}") Period planDueAfter) {
        if (planDueAfter.isNegative() || planDueAfter.isZero()) {
            throw new IllegalArgumentException("kvalitet.statistics.scorecard.action-plan-due-after must be positive");
        }
        this.jdbc = jdbc;
        this.query = query;
        this.kolada = kolada;
        this.actionPlans = actionPlans;
        this.planMail = planMail;
        this.planProcesses = planProcesses;
        this.organisation = organisation;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.planDueAfter = planDueAfter;
    }

    /** Stores a goal and its key figures, or refuses it naming every wrong field. */
    @Transactional
    long create(NewGoal goal, String createdBy) {
        List<FieldError> errors = problems(goal);
        if (!errors.isEmpty()) {
            throw new InvalidScorecardException(errors);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into app.scorecard_goal (unit, year, title, created_by, created_at)
                    values (?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, goal.unit());
            statement.setInt(2, goal.year());
            statement.setString(3, goal.title().strip());
            statement.setString(4, createdBy);
            statement.setTimestamp(5, Timestamp.from(clock.instant()));
            return statement;
        }, key);
        long id = key.getKey().longValue();
        for (NewKeyFigure figure : goal.keyFigures()) {
            jdbc.update("""
                    insert into app.scorecard_key_figure (goal_id, measure, kpi, target, direction)
                    values (?, ?, ?, ?, ?)""", id, blankToNull(figure.measure()), blankToNull(figure.kpi()),
                    figure.target(), figure.direction());
        }
        return id;
    }

    private List<FieldError> problems(NewGoal goal) {
        List<FieldError> errors = new ArrayList<>();
        if (goal.unit() == null || organisation.unit(goal.unit()).isEmpty()) {
            errors.add(new FieldError("unit", "unit", "Okänd enhet / unknown unit"));
        }
        if (goal.year() == null || goal.year() < 2000 || goal.year() > 2100) {
            errors.add(new FieldError("year", "year", "Ett årtal som 2026 / a year such as 2026"));
        }
        if (goal.title() == null || goal.title().isBlank() || goal.title().length() > 200) {
            errors.add(new FieldError("title", "title", "Målets namn, 1–200 tecken / the goal's name, 1–200 "
                    + "characters"));
        }
        List<NewKeyFigure> figures = goal.keyFigures() == null ? List.of() : goal.keyFigures();
        if (figures.isEmpty() || figures.size() > 10) {
            errors.add(new FieldError("keyFigures", "size", "1–10 nyckeltal / 1–10 key figures"));
        }
        for (int i = 0; i < figures.size(); i++) {
            String at = "keyFigures[" + i + "]";
            NewKeyFigure figure = figures.get(i);
            boolean measure = blankToNull(figure.measure()) != null;
            boolean kpi = blankToNull(figure.kpi()) != null;
            if (measure == kpi) {
                errors.add(new FieldError(at, "source", "Ange antingen ett av våra mått eller ett Kolada-nyckeltal / "
                        + "give either one of our measures or a Kolada KPI"));
            } else if (measure && Measure.named(figure.measure()).isEmpty()) {
                errors.add(new FieldError(at + ".measure", "measure", "Okänt mått / unknown measure"));
            } else if (kpi && !figure.kpi().matches("[A-Z]\\d{5}")) {
                errors.add(new FieldError(at + ".kpi", "kpi", "Ett nyckeltals-id som N15428 / a KPI id such as "
                        + "N15428"));
            }
            if (figure.target() == null || figure.target().abs().compareTo(new BigDecimal("1000000000")) >= 0) {
                errors.add(new FieldError(at + ".target", "target", "Ange målvärdet / give the target value"));
            }
            if (figure.direction() == null || !List.of("AT_LEAST", "AT_MOST").contains(figure.direction())) {
                errors.add(new FieldError(at + ".direction", "direction", "AT_LEAST (minst) eller AT_MOST (högst)"));
            }
        }
        return errors;
    }

    /** The unit's goals for the year, each key figure with its actual value and status. */
    @Transactional(readOnly = true)
    List<Goal> of(String unit, int year, Locale locale) {
        Map<Long, Goal> goals = new LinkedHashMap<>();
        jdbc.query("select id, title from app.scorecard_goal where unit = ? and year = ? order by id",
                (java.sql.ResultSet rs) -> {
                    goals.put(rs.getLong("id"), new Goal(rs.getLong("id"), unit, year, rs.getString("title"),
                            new ArrayList<>()));
                }, unit, year);
        Map<String, Figures> figuresCache = new HashMap<>();
        jdbc.query("""
                select kf.*, r.round_number from app.scorecard_key_figure kf
                join app.scorecard_goal g on g.id = kf.goal_id
                left join app.scorecard_plan_round r on r.action_plan_id = kf.action_plan_id
                where g.unit = ? and g.year = ? order by kf.id""", (java.sql.ResultSet rs) -> {
                    String measure = rs.getString("measure");
                    String kpi = rs.getString("kpi");
                    BigDecimal target = rs.getBigDecimal("target");
                    Direction direction = Direction.valueOf(rs.getString("direction"));
                    boolean settled = rs.getString("outcome") != null;
                    Double actual = settled ? Double.valueOf(rs.getBigDecimal("actual").doubleValue())
                            : actual(unit, year, measure, kpi, figuresCache).orElse(null);
                    Long planId = rs.getObject("action_plan_id", Long.class);
                    goals.get(rs.getLong("goal_id")).keyFigures().add(new KeyFigure(rs.getLong("id"), measure, kpi,
                            measure == null ? kpi : Measure.valueOf(measure).label(locale), target, direction, actual,
                            status(actual, target, direction), settled, planId,
                            rs.getObject("round_number", Integer.class)));
                }, unit, year);
        return List.copyOf(goals.values());
    }

    /**
     * Settles every key figure of a year that ended before {@code today} and has a value: its outcome once, and for a
     * missed target its one action plan. Each key figure in its own transaction under its row's lock (skipped if
     * another node holds it), so a rerun or a second node starts no second plan. Returns the plans started.
     */
    List<Long> settleEndedYears(LocalDate today) {
        List<Long> unsettled = jdbc.queryForList("""
                select kf.id from app.scorecard_key_figure kf join app.scorecard_goal g on g.id = kf.goal_id
                where kf.outcome is null and g.year < ? order by kf.id""", Long.class, today.getYear());
        List<Long> plans = new ArrayList<>();
        for (long id : unsettled) {
            try {
                transaction.executeWithoutResult(status -> settle(id, today).ifPresent(plans::add));
            } catch (RuntimeException e) {
                // Rolled back on its own (plan and outcome together); the others still settle, this one next night.
                log.error("Styrkort: key figure {} could not be settled and is tried again next night", id, e);
            }
        }
        return plans;
    }

    private Optional<Long> settle(long keyFigureId, LocalDate today) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select kf.measure, kf.kpi, kf.target, kf.direction, g.unit, g.year, g.title
                from app.scorecard_key_figure kf join app.scorecard_goal g on g.id = kf.goal_id
                where kf.id = ? and kf.outcome is null
                for update of kf skip locked""", keyFigureId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        String unit = (String) row.get("unit");
        int year = ((Number) row.get("year")).intValue();
        String measure = (String) row.get("measure");
        String kpi = (String) row.get("kpi");
        BigDecimal target = (BigDecimal) row.get("target");
        Direction direction = Direction.valueOf((String) row.get("direction"));
        Optional<Double> actual = actual(unit, year, measure, kpi, new HashMap<>());
        if (actual.isEmpty()) {
            return Optional.empty();
        }
        Status status = status(actual.get(), target, direction);
        Long planId = null;
        if (status == Status.NOT_MET) {
            Organisation.Unit owner = organisation.unit(unit).orElseThrow();
            String label = measure == null ? "Kolada " + kpi : Measure.valueOf(measure).labelSv();
            String deficiency = "Mål: " + row.get("title") + ". Nyckeltal: " + label + ". Utfall "
                    + format(actual.get()) + ", mål " + (direction == Direction.AT_LEAST ? "minst " : "högst ")
                    + target.stripTrailingZeros().toPlainString() + ".";
            LocalDate deadline = today.plus(planDueAfter);
            planId = actionPlans.request(new OwnerReference(OWNER_KIND, unit), List.of(new Deficiency(
                    "Styrkort " + year + ", " + owner.name(), deficiency)), deadline);
            planMail.announce(planId, owner, year, deficiency, deadline, 1);
            planProcesses.start(planId, owner, year, deadline);
        }
        jdbc.update("""
                update app.scorecard_key_figure set outcome = ?, actual = ?, settled_at = ?, action_plan_id = ?
                where id = ?""", status.name(), BigDecimal.valueOf(actual.get()), Timestamp.from(clock.instant()),
                planId, keyFigureId);
        if (planId != null) {
            recordRound(planId, keyFigureId, 1);
        }
        return Optional.ofNullable(planId);
    }

    /**
     * The next round after the follow-up found the deficiency of {@code planId}'s round not remedied: a new plan of
     * the same unit for the same key figure, for what is still not remedied, due {@code action-plan-due-after} from
     * today and mailed to the unit's managers, in the calling step's transaction. The key figure shows it from now on.
     */
    @Transactional
    PlanRound nextRound(long planId, LocalDate today) {
        Map<String, Object> row = jdbc.queryForList("""
                select r.key_figure_id, r.round_number, g.unit, g.year
                from app.scorecard_plan_round r
                join app.scorecard_key_figure kf on kf.id = r.key_figure_id
                join app.scorecard_goal g on g.id = kf.goal_id
                where r.action_plan_id = ?
                for update of kf""", planId).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                        "Handlingsplan " + planId + " hör inte till något nyckeltal i styrkortet / belongs to no "
                        + "key figure"));
        long keyFigureId = ((Number) row.get("key_figure_id")).longValue();
        int round = ((Number) row.get("round_number")).intValue() + 1;
        Organisation.Unit unit = organisation.unit((String) row.get("unit")).orElseThrow();
        ActionPlan previous = actionPlans.require(planId);
        List<Deficiency> remaining = previous.measures().stream().filter(m -> !Boolean.TRUE.equals(m.remedied()))
                .map(m -> new Deficiency(m.area(), m.deficiency())).toList();
        LocalDate deadline = today.plus(planDueAfter);
        long next = actionPlans.request(previous.owner(), remaining, deadline);
        recordRound(next, keyFigureId, round);
        jdbc.update("update app.scorecard_key_figure set action_plan_id = ? where id = ?", next, keyFigureId);
        planMail.announce(next, unit, ((Number) row.get("year")).intValue(),
                String.join(" ", remaining.stream().map(Deficiency::description).toList()), deadline, round);
        return new PlanRound(next, round, deadline);
    }

    private void recordRound(long planId, long keyFigureId, int round) {
        jdbc.update("""
                insert into app.scorecard_plan_round (action_plan_id, key_figure_id, round_number, requested_at)
                values (?, ?, ?, ?)""", planId, keyFigureId, round, Timestamp.from(clock.instant()));
    }

    private Optional<Double> actual(String unit, int year, String measure, String kpi, Map<String, Figures> cache) {
        if (kpi != null) {
            return kolada.ownValue(kpi, year).map(BigDecimal::doubleValue);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate first = LocalDate.of(year, 1, 1);
        if (first.isAfter(today)) {
            return Optional.empty();
        }
        LocalDate last = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
        Figures figures = cache.computeIfAbsent(unit, u -> query.figures(new StatisticsFilter(first, last,
                List.of(u), null, null)));
        return Optional.ofNullable(Measure.valueOf(measure).valueIn(figures));
    }

    static Status status(Double actual, BigDecimal target, Direction direction) {
        if (actual == null) {
            return Status.NO_DATA;
        }
        int comparison = BigDecimal.valueOf(actual).compareTo(target);
        return (direction == Direction.AT_LEAST ? comparison >= 0 : comparison <= 0) ? Status.MET : Status.NOT_MET;
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
