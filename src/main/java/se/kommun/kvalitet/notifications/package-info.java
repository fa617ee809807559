/**
 * The one way any process sends e-mail: {@link se.kommun.kvalitet.notifications.Mailer#send} with an
 * {@link se.kommun.kvalitet.notifications.OutgoingMail}. Each mail carries an idempotency key so a retried
 * Camunda job never mails twice; texts are Thymeleaf templates under {@code templates/mail/} with the
 * wording in the message bundles (Swedish first, English second).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {})
package se.kommun.kvalitet.notifications;
