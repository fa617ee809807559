package se.kommun.kvalitet.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each {@link OutgoingMail} at most once per idempotency key, as part of the caller's transaction.
 * <p>
 * The key is inserted into {@code app.sent_mail} before sending. If sending fails the exception propagates,
 * the caller's transaction (a Camunda job) rolls the key back and the job is retried: a retried job never
 * mails twice and a failed mail is never recorded as sent. Residual risk: a crash or failed commit after the
 * SMTP server accepted the mail but before the transaction commits leaves no key, so the retry mails again. A
 * commit that fails while the database is still reachable (a late optimistic-locking conflict, a constraint)
 * is covered: the key is then written in a transaction of its own. Delivery is therefore at-least-once, with
 * duplicates only when the node dies or loses its database between the SMTP accept and the commit.
 * <p>
 * A second transaction inserting the same key waits on the first one's row lock: it sends nothing if the
 * first commits and takes over if the first rolls back.
 * <p>
 * Every attempt of one key carries the same {@code Message-ID} ({@link OutgoingMail#messageId}), so the rare
 * resend after a crash is one mail to the recipient's client, not two.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final String RECORD_KEY = """
            insert into app.sent_mail (idempotency_key, recipient, template, subject, sent_at)
            values (?, ?, ?, ?, ?)
            on conflict (idempotency_key) do nothing""";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every body part, multipart and
        // header block (jakartaee/mail-api#699, #861); in Spring Boot's nested jar each lookup reads every jar,
        // which cost about a third of an acknowledged intake's CPU. Named, it is a plain class lookup.
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final MailRenderer renderer;
    private final JavaMailSender mailSender;
    private final Clock clock;
    private final String from;
    private final String messageIdDomain;

    Mailer(JdbcTemplate jdbc, PlatformTransactionManager transactions, MailRenderer renderer,
           JavaMailSender mailSender, Clock clock, @Value("${kvalitet.mail.from}") String from) {
        try {
            // A misconfigured sender address should stop the start, not fail every mail job later.
            String address = new InternetAddress(from, true).getAddress();
            this.messageIdDomain = address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("kvalitet.mail.from is not a valid address: " + from, e);
        }
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.renderer = renderer;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
    }

    /**
     * MANDATORY rather than REQUIRED: the key protects only if it commits or rolls back together with the
     * caller's step. A Camunda job runs its delegates inside the engine's Spring-managed transaction, so this
     * holds there. With REQUIRED, a call outside a transaction would commit the key on its own, and a retry of
     * the failed step around it would silently skip the mail; MANDATORY makes that mistake fail at once.
     *
     * @return true if the mail was sent, false if a mail with this idempotency key was sent before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(OutgoingMail mail) {
        String subject = renderer.subject(mail);
        int inserted = jdbc.update(RECORD_KEY, mail.idempotencyKey(), mail.recipient(), mail.template(), subject,
                OffsetDateTime.now(clock));
        if (inserted == 0) {
            return false;
        }
        MimeMessage message = toMimeMessage(renderer.render(mail), mail);
        // Send as the last step before the commit, not now: a Camunda job flushes its own changes when its
        // command ends, and an OptimisticLockingException there (a job run twice after its lock expired, two
        // jobs of one process on two nodes) would roll the key back after the mail had gone, and the retry would
        // mail again (ClusterFaultTest: 91 duplicates in 1,000). beforeCommit runs after that flush; a failed
        // send still throws and rolls everything back. A commit that fails after the SMTP accept records the key
        // in a transaction of its own (afterCompletion).
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private boolean sent;

            @Override
            public void beforeCommit(boolean readOnly) {
                mailSender.send(message);
                sent = true;
            }

            @Override
            public void afterCompletion(int status) {
                if (sent && status != STATUS_COMMITTED) {
                    recordAfterFailedCommit(mail, subject);
                }
            }
        });
        return true;
    }

    /** The mail went out but the step's transaction did not commit: keep its retry from sending it again. */
    private void recordAfterFailedCommit(OutgoingMail mail, String subject) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(RECORD_KEY, mail.idempotencyKey(),
                    mail.recipient(), mail.template(), subject, OffsetDateTime.now(clock)));
        } catch (RuntimeException e) {
            // Nothing to roll back any more; say what it means for the citizen.
            log.error("Mail {} was sent but its transaction failed and its key could not be recorded: "
                    + "a retry will send it again", mail.idempotencyKey(), e);
        }
    }

    private MimeMessage toMimeMessage(MailRenderer.Rendered rendered, OutgoingMail mail) {
        String recipient = mail.recipient();
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(rendered.subject());
            // Plain text first, HTML second: multipart/alternative, clients show the richest part they can.
            helper.setText(rendered.text(), rendered.html());
            // RFC 3834: out-of-office replies should not answer a no-reply address.
            message.setHeader("Auto-Submitted", "auto-generated");
            // JavaMailSenderImpl keeps a Message-ID set before send (saveChanges would replace it otherwise).
            message.setHeader("Message-ID", mail.messageId(messageIdDomain));
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build mail to " + recipient, e);
        }
        return message;
    }
}
