package se.kommun.kvalitet.localrun;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDirectory where PostgreSQL keeps its files; kept between runs so cases survive a restart
 * @param port fixed so a restarted application finds the same server; 0 picks a free port (tests)
 */
@ConfigurationProperties("kvalitet.embedded-database")
record EmbeddedDatabaseProperties(Path dataDirectory, int port) {
}
