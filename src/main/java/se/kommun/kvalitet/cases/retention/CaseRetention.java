package se.kommun.kvalitet.cases.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gallring: a configurable period after a case closed, the personal data in it is removed, while everything
 * the statistics count stays (type, category, unit, channel, dates, priority, root cause, escalation, status).
 * Runs nightly on every node; the statements are idempotent, so several nodes doing it is harmless.
 * Camunda's own history (variables of finished processes) goes by historyTimeToLive and history cleanup.
 */
@Service
class CaseRetention {

    static final String REMOVED = "[gallrad / removed]";

    private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Period keepPersonalData;

    CaseRetention(JdbcTemplate jdbc, Clock clock,
            @Value("${kvalitet.retention.personal-data-after-closing:P2Y}") Period keepPersonalData) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keepPersonalData = keepPersonalData;
    }

    @Scheduled(cron = "${kvalitet.retention.cron:0 30 2 * * *}", zone = "Europe/Stockholm")
    void nightly() {
        int anonymised = anonymiseClosedCases();
        if (anonymised > 0) {
            log.info("Gallring: personuppgifter borttagna i {} avslutade ärenden / personal data removed from {} "
                    + "closed cases", anonymised, anonymised);
        }
    }

    /** @return how many cases were anonymised now */
    @Transactional
    int anonymiseClosedCases() {
        Timestamp cutoff = Timestamp.from(ZonedDateTime.now(clock).minus(keepPersonalData).toInstant());
        Timestamp now = Timestamp.from(Instant.now(clock));
        // The citizen's words, the officer's question and notes to them, and file names (which often name the citizen).
        jdbc.update("""
                update app.case_event set detail = null
                where kind in ('CITIZEN_INFORMATION', 'SUPPLEMENT_REQUESTED', 'ATTACHMENT_ADDED', 'REOPENED',
                               'KEPT_CLOSED')
                  and case_id in (select id from app.citizen_case where closed_at < ? and anonymised_at is null)""",
                cutoff);
        // The survey's free text; the answer itself (satisfied, reasons, unit, category) stays for the statistics.
        jdbc.update("""
                update app.case_survey set answer_text = null
                where case_id in (select id from app.citizen_case where closed_at < ? and anonymised_at is null)""",
                cutoff);
        jdbc.update("""
                delete from app.case_attachment
                where case_id in (select id from app.citizen_case where closed_at < ? and anonymised_at is null)""",
                cutoff);
        // Idempotency keys only matter while a mail job can still be retried; the recipient is personal data.
        jdbc.update("delete from app.sent_mail where sent_at < ?", cutoff);
        return jdbc.update("""
                update app.citizen_case set
                    description = ?, address = null, latitude = null, longitude = null,
                    contact_name = null, contact_email = null, contact_phone = null,
                    findings = null, measures = null, feedback = null, media_url = null,
                    idempotency_key = null, request_hash = null, anonymised_at = ?
                where closed_at < ? and anonymised_at is null""", REMOVED, now, cutoff);
    }
}
