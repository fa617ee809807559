package se.kommun.kvalitet.processtooling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.shared.ClockConfiguration;
import se.kommun.kvalitet.shared.ProcessVariables;
import se.kommun.kvalitet.slacalendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** The four shared Tasklist filters: once each, readable by every unit group, and working for an officer. */
@KvalitetIntegrationTest
class TasklistFilterTest {

    static final List<String> NAMES = List.of(TasklistFilters.MINE, TasklistFilters.MY_GROUPS,
            TasklistFilters.OVERDUE, TasklistFilters.DUE_SOON);

    @Autowired
    TasklistFilters filters;

    @Autowired
    FilterService filterService;

    @Autowired
    List<ProcessVariables> declarations;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Clock clock;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void eachFilterExistsOnceSharedAndReadableByTheUnitGroupsEvenAfterRewriting() {
        filters.writeFilters();

        for (String name : NAMES) {
            List<Filter> found = filterService.createTaskFilterQuery().filterName(name).list();
            assertThat(found).as(name).singleElement().satisfies(filter -> {
                assertThat(filter.getOwner()).isNull();
                assertThat(filter.getProperties()).containsEntry("refresh", false).containsKeys("color", "priority",
                        "description");
                assertThat(filter.getProperties().get("variables")).isEqualTo(List.of(
                        Map.of("name", "caseReference", "label", "Referens"),
                        Map.of("name", "caseSummary", "label", "Sammanfattning"),
                        Map.of("name", "slaMark", "label", "SLA")));
                for (String group : List.of("careOfficers", "streetsManagers", "processOwners")) {
                    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                            .resourceId(filter.getId()).groupIdIn(group).hasPermission(Permissions.READ).count())
                            .as(name + " readable by " + group).isEqualTo(1);
                }
            });
        }
    }

    @Test
    void everyColumnShowsAVariableAProcessDeclares() {
        Set<String> declared = new TreeSet<>();
        declarations.forEach(process -> declared.addAll(process.names()));
        for (String name : NAMES) {
            Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
            @SuppressWarnings("unchecked")
            List<Map<String, String>> columns = (List<Map<String, String>>) filter.getProperties().get("variables");
            assertThat(columns).as(name).isNotEmpty()
                    .allSatisfy(column -> assertThat(declared).as(name).contains(column.get("name")));
        }
    }

    @Test
    void queriesUseTheCurrentUserAndADueSoonDateInWorkingDays() {
        assertThat(query(TasklistFilters.MINE).getExpressions()).containsEntry("taskAssignee", "${currentUser()}");
        assertThat(query(TasklistFilters.MY_GROUPS).getExpressions())
                .containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
        assertThat(query(TasklistFilters.OVERDUE).getExpressions()).containsEntry("dueBefore", "${now()}");
        assertThat(query(TasklistFilters.OVERDUE).getQueries()).as("main query plus the or-query").hasSize(2);
        LocalDate limit = calendar.addWorkingDays(LocalDate.now(clock), TasklistFilters.DUE_SOON_WORKING_DAYS);
        assertThat(query(TasklistFilters.DUE_SOON).getDueBefore()).isEqualTo(
                Date.from(limit.plusDays(1).atStartOfDay(ClockConfiguration.MUNICIPAL_ZONE).toInstant()));
        assertThat(query(TasklistFilters.MINE).getOrderingProperties()).singleElement()
                .satisfies(ordering -> assertThat(ordering.getQueryProperty().getName()).isEqualTo("DUE_DATE_"));
    }

    @Test
    void anOfficerSeesHerUnitsNewCaseInMyGroupsCases() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.postForEntity("/api/cases", new HttpEntity<>("""
                {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Maten var kall."}""", headers),
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(created.getBody()).get("reference").asText();
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();

        List<Task> myGroups;
        List<Task> mine;
        identityService.setAuthentication("bjorn", List.of("careOfficers"));
        try {
            // As Tasklist does: with an authenticated user, queryMaxResultsLimit refuses unbounded lists.
            myGroups = filterService.listPage(filterId(TasklistFilters.MY_GROUPS), 0, 500);
            mine = filterService.listPage(filterId(TasklistFilters.MINE), 0, 500);
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(myGroups).extracting(Task::getProcessInstanceId).contains(instanceId);
        assertThat(mine).extracting(Task::getProcessInstanceId).doesNotContain(instanceId);
    }

    /**
     * The diagram names tasks plainly ("Utreda och dokumentera"); the list Tasklist shows an officer (its HAL list
     * request) names each with its case's reference, which the server adds when the task is created.
     */
    @Test
    void tasklistsListNamesEachTaskWithItsCaseReference() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.postForEntity("/api/cases", new HttpEntity<>("""
                {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Ingen ringde tillbaka."}""", headers),
                String.class);
        String reference = json.readTree(created.getBody()).get("reference").asText();
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();

        HttpHeaders tasklist = new HttpHeaders();
        tasklist.setContentType(MediaType.APPLICATION_JSON);
        tasklist.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        ResponseEntity<String> list = http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!").postForEntity(
                "/engine-rest/filter/" + filterId(TasklistFilters.MY_GROUPS) + "/list?firstResult=0&maxResults=500",
                new HttpEntity<>("{}", tasklist), String.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> tasks = new ArrayList<>();
        json.readTree(list.getBody()).at("/_embedded/task").forEach(tasks::add);
        JsonNode task = tasks.stream().filter(candidate -> instanceId.equals(candidate.path("processInstanceId")
                .asText())).findFirst().orElseThrow();
        assertThat(task.path("name").asText()).isEqualTo("Utreda och dokumentera – " + reference);
        assertThat(repositoryService.getBpmnModelInstance(task.path("processDefinitionId").asText())
                .<FlowElement>getModelElementById("investigate").getName()).isEqualTo("Utreda och dokumentera");
    }

    private TaskQueryImpl query(String name) {
        return (TaskQueryImpl) filterService.getFilter(filterId(name)).getQuery();
    }

    private String filterId(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
    }
}
