package se.kommun.kvalitet.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kommun.kvalitet.reliability.FaultRig.DEMO_PASSWORD;
import static se.kommun.kvalitet.reliability.FaultRig.OFFICER;
import static se.kommun.kvalitet.reliability.FaultRig.send;

/**
 * Two completions of the same task at the same moment through the engine REST API (two browser tabs, or two
 * officers): exactly one wins, the other gets an error, and the case moves on exactly once.
 */
@KvalitetIntegrationTest
class CompetingOfficersTest {

    static final int ROUNDS = Integer.getInteger("rounds", 5);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exactlyOneCompletionWins() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Map<String, Integer> losers = new TreeMap<>();
        int doubleTransitions = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String reference = FaultRig.submit(base, null);
                Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                        .taskDefinitionKey("investigate").singleResult();
                String url = base + "/engine-rest/engine/" + processEngine.getName() + "/task/" + task.getId();
                assertThat(send("POST", url + "/claim", Map.of("userId", OFFICER), OFFICER, DEMO_PASSWORD).status())
                        .isEqualTo(204);
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<FaultRig.Reply>> replies = new ArrayList<>();
                for (String findings : List.of("Flik A", "Flik B")) {
                    replies.add(pool.submit(() -> {
                        barrier.await(10, TimeUnit.SECONDS);
                        return send("POST", url + "/complete", Map.of("variables", FaultRig.engineVariables(Map.of(
                                "findings", findings, "investigationOutcome", "continue"))), OFFICER, DEMO_PASSWORD);
                    }));
                }
                int wins = 0;
                for (Future<FaultRig.Reply> future : replies) {
                    FaultRig.Reply reply = future.get(60, TimeUnit.SECONDS);
                    if (reply.status() == 204) {
                        wins++;
                    } else {
                        String message = reply.body().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
                        losers.merge(reply.status() + " " + message, 1, Integer::sum);
                    }
                }
                assertThat(wins).as("completions that won in round " + round).isEqualTo(1);
                long completed = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished()
                        .count();
                long actTasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                        .taskDefinitionKey("act").count();
                long investigated = jdbc.queryForObject("""
                        select count(*) from app.case_event e join app.citizen_case c on c.id = e.case_id
                        where c.reference = ? and e.kind = 'INVESTIGATED'""", Long.class, reference);
                if (completed != 1 || actTasks != 1 || investigated != 1) {
                    doubleTransitions++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        FaultRig.report("CompetingOfficersTest: %d rounds, %d winners, losers answered %s, %d double transitions"
                .formatted(ROUNDS, ROUNDS, losers, doubleTransitions));
        assertThat(doubleTransitions).isZero();
        // The loser is told it lost to a concurrent change (engine REST answers 409 with Camunda's code 1 for
        // optimistic locking, see EngineRestConflicts) and changed nothing.
        assertThat(losers.keySet()).allSatisfy(loser -> assertThat(loser).startsWith("409 ")
                .contains("\"type\":\"OptimisticLockingException\"", "\"code\":1", "Ärendet ändrades av någon annan"));
        assertThat(losers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROUNDS);
    }
}
