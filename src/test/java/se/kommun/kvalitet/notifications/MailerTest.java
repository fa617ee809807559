package se.kommun.kvalitet.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole path without a Spring context: the real migration on an embedded PostgreSQL, a real SMTP server,
 * and Mailer behind the same transaction interceptor Spring would put in front of it.
 */
class MailerTest {

    static EmbeddedPostgres postgres;
    static GreenMail smtp;
    static JdbcTemplate jdbc;
    static DataSourceTransactionManager transactions;
    static MailRenderer renderer;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).schemas("app").defaultSchema("app")
                .locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        renderer = new MailRenderer(MailRendererTest.messageSource());
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stop() throws IOException {
        smtp.stop();
        postgres.close();
    }

    @BeforeEach
    void clean() throws Exception {
        jdbc.update("delete from app.sent_mail");
        smtp.purgeEmailFromAllMailboxes();
    }

    static Mailer mailer(int smtpPort) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        Mailer target = new Mailer(jdbc, transactions, renderer, sender, clock, "Kommunen <noreply@kommun.example>");
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
        return (Mailer) proxy.getProxy();
    }

    static OutgoingMail acknowledgement() {
        return new OutgoingMail("SYN-2026-000001/acknowledgement", "Åsa Öberg <asa@example.org>", "acknowledgement",
                Locale.forLanguageTag("sv"), MailRendererTest.fullModel());
    }

    boolean sendInTransaction(Mailer mailer, OutgoingMail mail) {
        return new TransactionTemplate(transactions).execute(status -> mailer.send(mail));
    }

    @Test
    void sendsMultipartMailOncePerKey() throws Exception {
        Mailer mailer = mailer(smtp.getSmtp().getPort());

        assertThat(sendInTransaction(mailer, acknowledgement())).isTrue();
        assertThat(sendInTransaction(mailer, acknowledgement())).isFalse();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Vi har tagit emot ditt ärende SYN-2026-000001");
        assertThat(message.getFrom()[0].toString()).contains("noreply@kommun.example");
        assertThat(message.getAllRecipients()[0].toString()).contains("asa@example.org");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("multipart/alternative", "text/plain", "text/html");
        assertThat(alternativeParts(message)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select subject from app.sent_mail where idempotency_key = ?", String.class,
                "SYN-2026-000001/acknowledgement")).isEqualTo(message.getSubject());
    }

    @Test
    void everyAttemptOfAKeyCarriesTheMessageIdDerivedFromTheKey() throws Exception {
        Mailer mailer = mailer(smtp.getSmtp().getPort());
        // By hand, not through OutgoingMail: SHA-256 of the key in hex, the sender's domain on the right.
        String expected = "<kvalitet." + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("SYN-2026-000001/acknowledgement".getBytes(StandardCharsets.UTF_8))) + "@kommun.example>";

        assertThat(sendInTransaction(mailer, acknowledgement())).isTrue();
        // What a crash between the SMTP accept and the commit leaves: the mail went, its key did not commit.
        jdbc.update("delete from app.sent_mail");
        assertThat(sendInTransaction(mailer, acknowledgement())).isTrue();
        assertThat(sendInTransaction(mailer, new OutgoingMail("SYN-2026-000002/acknowledgement",
                "asa@example.org", "acknowledgement", Locale.forLanguageTag("sv"), MailRendererTest.fullModel())))
                .isTrue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getHeader("Message-ID")).containsExactly(expected);
        assertThat(received[1].getHeader("Message-ID")).as("the resend folds into the original")
                .containsExactly(expected);
        assertThat(received[2].getMessageID()).isNotEqualTo(expected).startsWith("<kvalitet.")
                .endsWith("@kommun.example>");
    }

    /**
     * Jakarta Mail's FactoryFinder reads the system property first and only then asks ServiceLoader, through
     * the thread's context class loader. A class loader that counts what it is asked for sees every scan: none
     * while Mailer builds and sends a mail, and (the control) one per part as soon as the property is gone.
     */
    @Test
    void namesJakartaMailsStreamProviderSoNoPartScansTheClasspath() {
        Mailer mailer = mailer(smtp.getSmtp().getPort());
        String property = StreamProvider.class.getName();
        assertThat(System.getProperty(property)).isEqualTo(MailStreamProvider.class.getName());

        CountingClassLoader probe = new CountingClassLoader(Thread.currentThread().getContextClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(probe);
        try {
            assertThat(sendInTransaction(mailer, acknowledgement())).isTrue();
            assertThat(probe.serviceScans.get()).as("ServiceLoader scans while mailing").isZero();
            assertThat(probe.providerLoads.get()).as("the named provider was looked up").isPositive();

            String named = System.clearProperty(property);
            try {
                jdbc.update("delete from app.sent_mail");
                assertThat(sendInTransaction(mailer, acknowledgement())).isTrue();
            } finally {
                System.setProperty(property, named);
            }
            assertThat(probe.serviceScans.get()).as("without the property every part scans").isGreaterThan(1);
        } finally {
            thread.setContextClassLoader(original);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    /** Counts ServiceLoader look-ups of StreamProvider and loads of the provider class Mailer names. */
    static final class CountingClassLoader extends ClassLoader {

        private static final String SERVICE_FILE = "META-INF/services/" + StreamProvider.class.getName();

        final AtomicInteger serviceScans = new AtomicInteger();
        final AtomicInteger providerLoads = new AtomicInteger();

        CountingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (SERVICE_FILE.equals(name)) {
                serviceScans.incrementAndGet();
            }
            return super.getResources(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (MailStreamProvider.class.getName().equals(name)) {
                providerLoads.incrementAndGet();
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void failedSendLeavesNoKeySoTheRetrySends() throws Exception {
        Mailer broken = mailer(freePort());

        assertThatThrownBy(() -> sendInTransaction(broken, acknowledgement())).isInstanceOf(MailSendException.class);
        assertThat(jdbc.queryForObject("select count(*) from app.sent_mail", Integer.class)).isZero();

        assertThat(sendInTransaction(mailer(smtp.getSmtp().getPort()), acknowledgement())).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailSentBeforeAFailedCommitIsRecordedSoTheRetrySendsNothing() {
        Mailer mailer = mailer(smtp.getSmtp().getPort());

        // Registered after the mailer's own synchronization, so it fails the commit after the SMTP accept.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            mailer.send(acknowledgement());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new IllegalStateException("commit failed");
                }
            });
        })).hasMessage("commit failed");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        assertThat(sendInTransaction(mailer, acknowledgement())).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void refusesToSendOutsideATransaction() {
        Mailer mailer = mailer(smtp.getSmtp().getPort());

        assertThatThrownBy(() -> mailer.send(acknowledgement())).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from app.sent_mail", Integer.class)).isZero();
    }

    /** Counts the parts of the multipart/alternative, wherever MimeMessageHelper nested it. */
    static int alternativeParts(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("multipart/alternative")) {
            return ((Multipart) part.getContent()).getCount();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                int found = alternativeParts(multipart.getBodyPart(i));
                if (found > 0) {
                    return found;
                }
            }
        }
        return 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
