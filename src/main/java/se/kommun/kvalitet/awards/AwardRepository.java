package se.kommun.kvalitet.awards;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code app.award_*} tables (migration V13), in plain SQL like the other newer modules. */
@Repository
class AwardRepository {

    enum CallStatus { OPEN, CLOSED, DECIDED }

    enum ApplicationStatus { DRAFT, SUBMITTED }

    /** A call as stored, with its rules as {@link AwardCall}. */
    record StoredCall(long id, AwardCall call, CallStatus status, Instant decidedAt) {
    }

    /** An application; {@code reference} is set once it is submitted. */
    record StoredApplication(long id, long callId, ApplicationStatus status, String draftToken, String reference,
            String applicant, String contactName, String contactEmail, String category, String area,
            boolean shareAllowed, Map<String, String> answers) {
    }

    record StoredAttachment(long id, String fileName, String contentType, byte[] content) {
    }

    record Winner(String application, String motivation) {
    }

    private final JdbcTemplate jdbc;

    AwardRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insertCall(AwardCall call, Instant at, String by, List<String> jury) {
        long id = jdbc.queryForObject("""
                insert into app.award_call (reference, year, closing_date, status, opened_at, opened_by)
                values (?, ?, ?, 'OPEN', ?, ?) returning id""", Long.class, call.reference(), call.year(),
                Date.valueOf(call.closingDate()), Timestamp.from(at), by);
        for (int i = 0; i < call.categories().size(); i++) {
            Category category = call.categories().get(i);
            jdbc.update("insert into app.award_category (call_id, position, code, name) values (?, ?, ?, ?)", id, i,
                    category.code(), category.name());
        }
        for (int i = 0; i < call.criteria().size(); i++) {
            Criterion criterion = call.criteria().get(i);
            jdbc.update("insert into app.award_criterion (call_id, position, code, title, weight) values (?, ?, ?, ?, ?)",
                    id, i, criterion.code(), criterion.title(), criterion.weight());
        }
        jury.forEach(member -> jdbc.update("insert into app.award_jury_member (call_id, member) values (?, ?)", id,
                member));
        return id;
    }

    Optional<StoredCall> call(String reference) {
        return jdbc.query("select * from app.award_call where reference = ?", this::mapCall, reference).stream()
                .findFirst();
    }

    Optional<StoredCall> call(long id) {
        return jdbc.query("select * from app.award_call where id = ?", this::mapCall, id).stream().findFirst();
    }

    List<StoredCall> openCalls(LocalDate today) {
        return jdbc.query("select * from app.award_call where status = 'OPEN' and closing_date >= ? "
                + "order by closing_date, reference", this::mapCall, Date.valueOf(today));
    }

    List<StoredCall> decidedCalls() {
        return jdbc.query("select * from app.award_call where status = 'DECIDED' order by year desc, reference",
                this::mapCall);
    }

    void setStatus(long callId, CallStatus status) {
        jdbc.update("update app.award_call set status = ? where id = ?", status.name(), callId);
    }

    void recordDecision(long callId, List<Winner> winners, Instant at, String by) {
        for (int i = 0; i < winners.size(); i++) {
            jdbc.update("insert into app.award_winner (call_id, position, application, motivation) values (?, ?, ?, ?)",
                    callId, i, winners.get(i).application(), winners.get(i).motivation());
        }
        jdbc.update("update app.award_call set status = 'DECIDED', decided_at = ?, decided_by = ? where id = ?",
                Timestamp.from(at), by, callId);
    }

    List<Winner> winners(long callId) {
        return jdbc.query("select application, motivation from app.award_winner where call_id = ? order by position",
                (rs, n) -> new Winner(rs.getString("application"), rs.getString("motivation")), callId);
    }

    List<String> jury(long callId) {
        return jdbc.queryForList("select member from app.award_jury_member where call_id = ? order by member",
                String.class, callId);
    }

    long insertApplication(long callId, ApplicationStatus status, String draftToken, String reference,
            ApplicationForm form, Instant at) {
        long id = jdbc.queryForObject("""
                insert into app.award_application (call_id, status, draft_token, reference, applicant, contact_name,
                    contact_email, category, area, share_allowed, started_at, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, callId, status.name(),
                draftToken, reference, form.applicant(), form.contactName(), form.contactEmail(), form.category(),
                form.area(), form.shareAllowed(), Timestamp.from(at),
                status == ApplicationStatus.SUBMITTED ? Timestamp.from(at) : null);
        insertAnswers(id, form.answers());
        return id;
    }

    /** A draft handed in, or saved again: its fields and answers replaced. */
    void updateApplication(long id, ApplicationStatus status, String reference, ApplicationForm form, Instant at) {
        jdbc.update("""
                update app.award_application set status = ?, reference = ?, applicant = ?, contact_name = ?,
                    contact_email = ?, category = ?, area = ?, share_allowed = ?,
                    submitted_at = ?, draft_token = case when ? = 'SUBMITTED' then null else draft_token end
                where id = ?""", status.name(), reference, form.applicant(), form.contactName(),
                form.contactEmail(), form.category(), form.area(), form.shareAllowed(),
                status == ApplicationStatus.SUBMITTED ? Timestamp.from(at) : null, status.name(), id);
        jdbc.update("delete from app.award_answer where application_id = ?", id);
        insertAnswers(id, form.answers());
    }

    private void insertAnswers(long applicationId, Map<String, String> answers) {
        answers.forEach((criterion, text) -> {
            if (text != null && !text.isBlank()) {
                jdbc.update("insert into app.award_answer (application_id, criterion, text) values (?, ?, ?)",
                        applicationId, criterion, text);
            }
        });
    }

    void insertAttachment(long applicationId, Attachment attachment) {
        jdbc.update("insert into app.award_attachment (application_id, file_name, content_type, content) "
                + "values (?, ?, ?, ?)", applicationId, attachment.fileName(), attachment.contentType(),
                attachment.content());
    }

    List<StoredAttachment> attachments(long applicationId) {
        return jdbc.query("select * from app.award_attachment where application_id = ? order by id",
                (rs, n) -> new StoredAttachment(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content")), applicationId);
    }

    Optional<StoredApplication> draft(String token) {
        return jdbc.query("select * from app.award_application where draft_token = ? and status = 'DRAFT'",
                this::mapApplication, token).stream().findFirst();
    }

    Optional<StoredApplication> application(String reference) {
        return jdbc.query("select * from app.award_application where reference = ?", this::mapApplication, reference)
                .stream().findFirst();
    }

    List<StoredApplication> applications(long callId, ApplicationStatus status) {
        return jdbc.query("select * from app.award_application where call_id = ? and status = ? order by reference, id",
                this::mapApplication, callId, status.name());
    }

    /** Drafts not yet reminded; marking them in the same transaction as the mails are queued keeps it to one. */
    List<StoredApplication> unremindedDrafts(long callId) {
        return jdbc.query("select * from app.award_application where call_id = ? and status = 'DRAFT' "
                + "and reminded_at is null order by id", this::mapApplication, callId);
    }

    void markReminded(long applicationId, Instant at) {
        jdbc.update("update app.award_application set reminded_at = ? where id = ?", Timestamp.from(at),
                applicationId);
    }

    void insertConflicts(long callId, String member, Set<String> applications, Instant at) {
        applications.forEach(application -> jdbc.update("insert into app.award_conflict (call_id, member, "
                + "application, declared_at) values (?, ?, ?, ?) on conflict do nothing", callId, member, application,
                Timestamp.from(at)));
    }

    /** member → the applications she declared a conflict on. */
    Map<String, Set<String>> conflicts(long callId) {
        return jdbc.query("select member, application from app.award_conflict where call_id = ?",
                (rs, n) -> Map.entry(rs.getString("member"), rs.getString("application")), callId).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    void insertScores(long callId, List<Score> scores, Instant at) {
        for (Score score : scores) {
            jdbc.update("""
                    insert into app.award_score (call_id, member, application, criterion, value, comment, scored_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (call_id, member, application, criterion)
                    do update set value = excluded.value, comment = excluded.comment, scored_at = excluded.scored_at""",
                    callId, score.member(), score.application(), score.criterion(), score.value(), score.comment(),
                    Timestamp.from(at));
        }
    }

    List<Score> scores(long callId) {
        return jdbc.query("select * from app.award_score where call_id = ? order by application, member, criterion",
                (rs, n) -> new Score(rs.getString("member"), rs.getString("application"), rs.getString("criterion"),
                        rs.getInt("value"), rs.getString("comment")), callId);
    }

    private StoredCall mapCall(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Category> categories = jdbc.query("select code, name from app.award_category where call_id = ? "
                + "order by position", (c, n) -> new Category(c.getString("code"), c.getString("name")), id);
        List<Criterion> criteria = jdbc.query("select code, title, weight from app.award_criterion where call_id = ? "
                + "order by position", (c, n) -> new Criterion(c.getString("code"), c.getString("title"),
                        c.getInt("weight")), id);
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new StoredCall(id, new AwardCall(rs.getString("reference"), rs.getInt("year"), categories, criteria,
                rs.getDate("closing_date").toLocalDate()), CallStatus.valueOf(rs.getString("status")),
                decidedAt == null ? null : decidedAt.toInstant());
    }

    private StoredApplication mapApplication(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.query("select criterion, text from app.award_answer where application_id = ? order by criterion",
                (org.springframework.jdbc.core.RowCallbackHandler) a -> answers.put(a.getString("criterion"),
                        a.getString("text")), id);
        return new StoredApplication(id, rs.getLong("call_id"), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("draft_token"), rs.getString("reference"), rs.getString("applicant"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("category"),
                rs.getString("area"), rs.getBoolean("share_allowed"), answers);
    }
}
