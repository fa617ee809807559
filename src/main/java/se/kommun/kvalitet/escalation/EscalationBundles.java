package se.kommun.kvalitet.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;

/**
 * Escalations to the same person within a window become one mail listing them: a unit with forty overdue cases
 * tells its manager once, not forty times. The first escalation to a recipient opens her window; when it closes,
 * everything held for her goes out together. A window of zero mails each escalation at once.
 * <p>
 * Cluster-safe without a leader: each node's flush locks a recipient's notices with {@code skip locked}, so two
 * nodes never mail the same notices, and the mail's idempotency key (the bundle's first notice) keeps a retried
 * flush from mailing twice.
 */
@Service
class EscalationBundles {

    private static final Logger log = LoggerFactory.getLogger(EscalationBundles.class);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final JdbcTemplate jdbc;
    private final Mailer mailer;
    private final Clock clock;
    private final TransactionTemplate perRecipient;
    private Duration window;

    EscalationBundles(JdbcTemplate jdbc, Mailer mailer, Clock clock, PlatformTransactionManager transactions,
            @Value("${kvalitet.escalation.bundle-window:PT10M}") Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("kvalitet.escalation.bundle-window must not be negative: " + window);
        }
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
        this.perRecipient = new TransactionTemplate(transactions);
        this.window = window;
    }

    /** One case in a bundle, and what a single escalation mail needs. */
    record Notice(String recipient, String recipientName, String reference, String kind, EscalationLevel level,
            LocalDate dueDate, String taskUrl) {
    }

    boolean bundling() {
        return !window.isZero();
    }

    /** Tests open and close the window on the one shared application context; production sets it once. */
    void useWindow(Duration window) {
        this.window = window;
    }

    /**
     * In the escalation's own transaction: a reminder, or any escalation while the window is zero, is mailed now;
     * otherwise it is held for the recipient's bundle, kept exactly when the escalation is.
     */
    void deliver(Notice notice) {
        if (notice.level() == EscalationLevel.REMINDER || !bundling()) {
            mailer.send(single(notice));
        } else {
            hold(notice);
        }
    }

    /** The mail of one escalation; its key is the escalation's, so a bundle of one is that same mail. */
    private static OutgoingMail single(Notice notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", notice.reference());
        model.put("kind", notice.kind());
        model.put("dueDate", notice.dueDate());
        model.put("escalationLevel", notice.level().name());
        model.put("taskUrl", notice.taskUrl());
        model.put("recipientName", notice.recipientName());
        return new OutgoingMail(notice.reference() + ":" + notice.level() + "@" + notice.dueDate() + ":"
                + notice.recipient(), notice.recipient(), notice.level().template(), SWEDISH, model);
    }

    private void hold(Notice notice) {
        jdbc.update("""
                insert into app.escalation_notice (recipient, recipient_name, reference, kind, level, due_date,
                                                   task_url, noticed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (reference, level, due_date, recipient) do nothing""",
                notice.recipient(), notice.recipientName(), notice.reference(), notice.kind(), notice.level().name(),
                notice.dueDate(), notice.taskUrl(), OffsetDateTime.now(clock));
    }

    /**
     * Mails every recipient whose window has closed, each in her own transaction, so a refused mail holds back
     * only that recipient's bundle.
     *
     * @return the number of mails sent
     */
    int flushClosedWindows() {
        OffsetDateTime closedBefore = OffsetDateTime.now(clock).minus(window);
        List<String> recipients = jdbc.queryForList("""
                select recipient from app.escalation_notice group by recipient having min(noticed_at) <= ?""",
                String.class, closedBefore);
        int sent = 0;
        for (String recipient : recipients) {
            try {
                Boolean mailed = perRecipient.execute(status -> flush(recipient, closedBefore));
                sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
            } catch (RuntimeException e) {
                // Rolled back: her notices stay for the next flush; the others still get theirs.
                log.warn("Escalation mail to {} not sent; it is retried on the next flush", recipient, e);
            }
        }
        return sent;
    }

    /** Every node looks; the locks decide who mails. The test profile turns it off ("-") and flushes by hand. */
    @Scheduled(cron = "${kvalitet.escalation.bundle-flush-cron:*/20 * * * * *}", zone = "Europe/Stockholm")
    void flushOnSchedule() {
        flushClosedWindows();
    }

    private record Held(long id, OffsetDateTime noticedAt, Notice notice) {
    }

    private boolean flush(String recipient, OffsetDateTime closedBefore) {
        List<Held> held = jdbc.query("""
                select id, recipient_name, reference, kind, level, due_date, task_url, noticed_at
                from app.escalation_notice where recipient = ? order by noticed_at, id for update skip locked""",
                (rs, row) -> new Held(rs.getLong("id"), rs.getObject("noticed_at", OffsetDateTime.class),
                        new Notice(recipient, rs.getString("recipient_name"), rs.getString("reference"),
                                rs.getString("kind"), EscalationLevel.valueOf(rs.getString("level")),
                                rs.getObject("due_date", LocalDate.class), rs.getString("task_url"))),
                recipient);
        // Another node has this bundle, or only notices younger than the window are left for us.
        if (held.isEmpty() || held.get(0).noticedAt().isAfter(closedBefore)) {
            return false;
        }
        List<Notice> notices = held.stream().map(Held::notice).toList();
        mailer.send(notices.size() == 1 ? single(notices.get(0)) : bundle(held.get(0).id(), notices));
        jdbc.batchUpdate("delete from app.escalation_notice where id = ?",
                held.stream().map(notice -> new Object[] {notice.id()}).toList());
        return true;
    }

    private static OutgoingMail bundle(long firstNoticeId, List<Notice> notices) {
        List<Map<String, Object>> cases = notices.stream().map(notice -> Map.<String, Object>of(
                "reference", notice.reference(), "kind", notice.kind(), "level", notice.level().name(),
                "dueDate", notice.dueDate(), "taskUrl", notice.taskUrl())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("reference", notices.get(0).reference());
        model.put("cases", cases);
        model.put("count", cases.size());
        model.put("recipientName", notices.get(0).recipientName());
        return new OutgoingMail("escalation-bundle:" + firstNoticeId, notices.get(0).recipient(),
                "escalation-bundle", SWEDISH, model);
    }
}
