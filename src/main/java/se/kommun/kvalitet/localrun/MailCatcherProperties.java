package se.kommun.kvalitet.localrun;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param port SMTP port of the embedded catcher; 0 picks a free port (tests) */
@ConfigurationProperties("kvalitet.mail-catcher")
record MailCatcherProperties(int port) {
}
