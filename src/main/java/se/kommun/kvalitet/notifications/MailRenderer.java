package se.kommun.kvalitet.notifications;

import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders subject, plain text and HTML of a mail in its locale.
 * <p>
 * Both template engines are private to this class on purpose: a {@code SpringTemplateEngine} bean would make
 * Spring Boot back off its own engine for web pages, and an {@code ITemplateResolver} bean would be added to
 * that engine, so web views could resolve mail text templates.
 */
@Component
class MailRenderer {

    private static final String TEMPLATE_FOLDER = "templates/mail/";

    private final MessageSource messages;
    private final SpringTemplateEngine htmlEngine;
    private final SpringTemplateEngine textEngine;

    MailRenderer(MessageSource messages) {
        this.messages = messages;
        this.htmlEngine = engine(messages, TemplateMode.HTML, ".html");
        this.textEngine = engine(messages, TemplateMode.TEXT, ".txt");
    }

    record Rendered(String subject, String text, String html) {
    }

    /** Cheap and free of side effects: {@link Mailer} needs the subject for the sent-mail record first. */
    String subject(OutgoingMail mail) {
        return messages.getMessage("mail." + mail.template() + ".subject", new Object[] {mail.reference()},
                mail.locale());
    }

    Rendered render(OutgoingMail mail) {
        Context context = new Context(mail.locale(), mail.model());
        return new Rendered(subject(mail), textEngine.process(mail.template(), context),
                htmlEngine.process(mail.template(), context));
    }

    private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
        // The application's class loader, not the thread's: job executor threads must find the templates too.
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_FOLDER);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // #{...} in templates reads the application's bundles (messages*.properties), like web pages do.
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
