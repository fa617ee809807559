package se.kommun.kvalitet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KvalitetApplication {

    public static void main(String[] args) {
        SpringApplication.run(KvalitetApplication.class, args);
    }
}
