package se.kommun.kvalitet.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for dates that matter legally (received date, due dates, reference year): Swedish time. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId MUNICIPAL_ZONE = ZoneId.of("Europe/Stockholm");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(MUNICIPAL_ZONE);
    }
}
