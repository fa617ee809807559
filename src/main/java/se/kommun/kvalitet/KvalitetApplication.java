package se.kommun.kvalitet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// Application-wide: every module may schedule its own work (retention, Tasklist filter refresh, the file watcher).
@EnableScheduling
public class KvalitetApplication {

    public static void main(String[] args) {
        SpringApplication.run(KvalitetApplication.class, args);
    }
}
