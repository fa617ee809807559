package se.kommun.kvalitet.processtooling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;
import se.kommun.kvalitet.slacalendar.WorkingDayCalendar;

/**
 * The four shared Tasklist filters every officer, manager and process owner starts with. Each exists once
 * (no owner) and is readable by those groups; its query uses the current user and groups, so one filter
 * serves everyone. Written on every start (create or update, so a changed definition reaches existing
 * installations) and every night, because "due within 2 working days" needs the working-day calendar and a
 * stored query can only hold a literal date for that.
 */
@Component
class TasklistFilters implements ApplicationRunner {

    static final String MINE = "Mina ärenden";
    static final String MY_GROUPS = "Min grupps ärenden";
    static final String OVERDUE = "Försenade";
    static final String DUE_SOON = "Förfaller inom 2 arbetsdagar";
    static final int DUE_SOON_WORKING_DAYS = 2;

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final Organisation organisation;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            Organisation organisation, WorkingDayCalendar calendar, Clock clock) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.organisation = organisation;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        writeFilters();
    }

    /** Just after midnight, so "today" in the due-soon filter moves with the calendar. */
    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Stockholm")
    void writeFilters() {
        LocalDate dueSoonLimit = dueSoonLimit();
        write(MINE, 10, "#3474b5", "Uppgifter som är tilldelade dig.",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        // Unclaimed tasks only: this is the group's queue of work to pick up. Claimed tasks are in the
        // claimer's "Mina ärenden", and overdue ones of the whole group in "Försenade".
        write(MY_GROUPS, 20, "#2e8b57", "Uppgifter som väntar på att någon i din grupp tar dem.",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
        write(OVERDUE, 30, "#c0392b", "Uppgifter i dina grupper eller tilldelade dig som passerat förfallodagen.",
                mineOrMyGroups().dueBeforeExpression("${now()}"));
        write(DUE_SOON, 40, "#e67e22", "Uppgifter i dina grupper eller tilldelade dig som förfaller senast "
                        + dueSoonLimit + " (om högst " + DUE_SOON_WORKING_DAYS + " arbetsdagar).",
                mineOrMyGroups().dueAfterExpression("${now()}").dueBefore(startOfDayAfter(dueSoonLimit)));
        log.info("Tasklist-filter uppdaterade / Tasklist filters written (förfaller senast / due by {})",
                dueSoonLimit);
    }

    private LocalDate dueSoonLimit() {
        return calendar.addWorkingDays(LocalDate.now(clock), DUE_SOON_WORKING_DAYS);
    }

    /** Claimed tasks of the groups count too: a deadline matters whoever holds the task. */
    private TaskQuery mineOrMyGroups() {
        return taskService.createTaskQuery()
                .or()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()
                    .taskAssigneeExpression("${currentUser()}")
                .endOr();
    }

    private static Date startOfDayAfter(LocalDate date) {
        return Date.from(date.plusDays(1).atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }

    private void write(String name, int priority, String color, String description, TaskQuery query) {
        Filter filter = filterService.createTaskFilterQuery().filterName(name).list().stream()
                .filter(existing -> existing.getOwner() == null)
                .findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        filter.setQuery(query.orderByDueDate().asc());
        filter.setProperties(properties(priority, color, description));
        filterService.saveFilter(filter);
        for (String group : groups()) {
            grantRead(group, filter.getId());
        }
    }

    private static Map<String, Object> properties(int priority, String color, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("color", color);
        properties.put("priority", priority);
        properties.put("description", description);
        // No auto-refresh: every open Tasklist would re-run each filter's query on a timer, and the group filter is
        // the most expensive query in the system (docs/performance.md). Officers reload by picking the filter.
        properties.put("refresh", false);
        properties.put("showUndefinedVariable", false);
        // Tasklist shows these process variables in each task's list entry, to those who may read the process
        // instance (managers, process owners). Officers may read only their unit's tasks, so the reference is in
        // each task's name as well (engine.ReferenceInTaskNameListener).
        properties.put("variables", List.of(
                Map.of("name", "caseReference", "label", "Referens"),
                Map.of("name", "caseSummary", "label", "Sammanfattning"),
                Map.of("name", "slaMark", "label", "SLA")));
        return properties;
    }

    private List<String> groups() {
        List<String> groups = new ArrayList<>();
        for (Organisation.Unit unit : organisation.units()) {
            groups.add(unit.officerGroup());
            groups.add(unit.managerGroup());
        }
        groups.add(organisation.processOwnerGroup());
        return groups;
    }

    private void grantRead(String groupId, String filterId) {
        if (authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.FILTER)
                .resourceId(filterId).count() > 0) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filterId);
        authorization.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(authorization);
    }
}
