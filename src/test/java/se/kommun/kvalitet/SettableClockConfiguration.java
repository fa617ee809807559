package se.kommun.kvalitet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Imported by {@link KvalitetIntegrationTest} only. Deliberately not a {@code @Configuration}: component
 * scanning from KvalitetApplication would otherwise put it into the fault tests' nodes as well.
 */
class SettableClockConfiguration {

    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock();
    }
}
