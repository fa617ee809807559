package se.kommun.kvalitet.localrun;

import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server on loopback that keeps every mail in memory, so a new user sees what citizens would
 * receive (page /admin/mail) without configuring a mail server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMailServerCondition.class)
@EnableConfigurationProperties(MailProperties.class)
class MailCatcherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailCatcherConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail mailCatcher(MailCatcherProperties properties) {
        ServerSetup smtp = new ServerSetup(properties.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return new GreenMail(properties.port() > 0 ? smtp : smtp.dynamicPort());
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail mailCatcher, MailProperties mailProperties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mailCatcher.getSmtp().getPort());
        sender.setDefaultEncoding(mailProperties.getDefaultEncoding().name());
        Properties javaMailProperties = new Properties();
        javaMailProperties.putAll(mailProperties.getProperties());
        sender.setJavaMailProperties(javaMailProperties);
        log.info("Inbäddad e-postfångare på smtp://127.0.0.1:{}; fångade brev visas på /admin/mail "
                + "/ embedded mail catcher, caught mail at /admin/mail", sender.getPort());
        return sender;
    }
}
