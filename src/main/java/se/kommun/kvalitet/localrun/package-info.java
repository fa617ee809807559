/**
 * The default run needs no installed server: an embedded PostgreSQL (data kept on disk) and an embedded
 * SMTP catcher start when {@code SPRING_DATASOURCE_URL} / {@code SPRING_MAIL_HOST} are not set.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Local run",
        allowedDependencies = {})
package se.kommun.kvalitet.localrun;
