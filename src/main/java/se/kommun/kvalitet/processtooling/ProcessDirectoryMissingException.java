package se.kommun.kvalitet.processtooling;

import java.nio.file.Path;

/** A configured process or form directory does not exist on this server. */
class ProcessDirectoryMissingException extends RuntimeException {

    private final Path directory;

    ProcessDirectoryMissingException(Path directory) {
        super("Directory not found: " + directory);
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }
}
