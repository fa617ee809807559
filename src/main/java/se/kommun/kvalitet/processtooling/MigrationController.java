package se.kommun.kvalitet.processtooling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.web.ProblemApi;

/** Migration of running cases to the latest process version, for process owners. */
@RestController
@ProblemApi
@RequestMapping(path = "/api/admin", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class MigrationController {

    private final ProcessMigration migration;

    MigrationController(ProcessMigration migration) {
        this.migration = migration;
    }

    /** @param dryRun required: a real migration must be asked for explicitly */
    record MigrationRequest(@NotNull Boolean dryRun) {
    }

    @PostMapping(path = "/migrations/{processKey}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProcessMigration.Report migrate(@PathVariable String processKey, @Valid @RequestBody MigrationRequest request) {
        return migration.migrateToLatest(processKey, request.dryRun());
    }
}
