package se.kommun.kvalitet.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A graceful stop loses no job and runs none twice: the job executor stops acquiring, hands back what it
 * holds but has not started, and lets its running jobs finish, all before the database pool and the mail
 * sender close.
 * <p>
 * Without this the starter stops the job executor only when the process engine bean is destroyed, after
 * every lifecycle phase: until then it keeps acquiring, so its thread pool ({@code camundaTaskExecutor}, paused
 * in phase {@link ExecutorConfigurationSupport#DEFAULT_PHASE}) never runs empty, the phase times out
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}), the pool's destruction interrupts jobs mid-send and
 * drops the queued ones, and all of them stay locked until their lock expires; the re-run mails again
 * (ClusterFaultTest: node B 31 s to close, 23 jobs left locked, 2 duplicate mails).
 * <p>
 * Order, one phase before the pools pause: (1) {@link JobExecutor#shutdown()} stops and joins the acquisition
 * thread; from then on the engine's own job runnables unlock, instead of run, the jobs of their batch not yet
 * started; (2) batches the full pool had rejected in the last acquisition cycle are unlocked here; (3) the pool
 * is shut down and awaited for at most {@code kvalitet.job-executor.drain-timeout}. A job still running then
 * is left to the crash path (its lock expires, another node runs it: at-least-once, docs/fault-tests.md).
 */
@Component
class JobExecutorDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorDrain.class);

    private final ProcessEngine processEngine;
    private final Duration drainTimeout;
    private volatile boolean running;

    JobExecutorDrain(ProcessEngine processEngine,
            @Value("${kvalitet.job-executor.drain-timeout:20s}") Duration drainTimeout) {
        this.processEngine = processEngine;
        this.drainTimeout = drainTimeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (no new work comes in) and before the executors pause. */
    @Override
    public int getPhase() {
        return ExecutorConfigurationSupport.DEFAULT_PHASE + 1;
    }

    @Override
    public void stop() {
        running = false;
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor == null || !jobExecutor.isActive()) {
            return;
        }
        long started = System.nanoTime();
        // Read before shutdown(): it drops the runnable, and with it the batches rejected in the last cycle.
        AcquireJobsRunnable acquisition = jobExecutor.getAcquireJobsRunnable();
        jobExecutor.shutdown();
        int handedBack = unlockRejected(acquisition, configuration.getCommandExecutorTxRequired());
        ThreadPoolTaskExecutor executor = jobExecutor instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor threadPool ? threadPool : null;
        if (executor == null) {
            // Camunda's own executors wait for their pool inside shutdown().
            log.info("Job executor stopped in {} ms", millisSince(started));
            return;
        }
        ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
        int runningJobs = pool.getActiveCount();
        int queued = pool.getQueue().size();
        pool.shutdown();
        // Paused, the task executor counts as stopped: its own lifecycle stop would otherwise wait once more, for
        // a whole shutdown phase, for a job still running after the drain timeout.
        executor.stop();
        try {
            if (pool.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("Job executor stopped acquiring and drained in {} ms ({} batches running, {} queued "
                        + "and {} rejected jobs handed back)", millisSince(started), runningJobs, queued, handedBack);
            } else {
                log.warn("Job executor not drained after {}: {} jobs still running stay locked until their lock "
                        + "expires and run again on another node (at-least-once)", drainTimeout, pool.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int unlockRejected(AcquireJobsRunnable acquisition, CommandExecutor commands) {
        if (!(acquisition instanceof SequentialJobAcquisitionRunnable sequential)) {
            return 0;
        }
        int unlocked = 0;
        for (List<List<String>> batches : sequential.getAcquisitionContext().getRejectedJobsByEngine().values()) {
            for (List<String> batch : batches) {
                for (String jobId : batch) {
                    try {
                        commands.execute(new UnlockJobCmd(jobId));
                        unlocked++;
                    } catch (RuntimeException e) {
                        log.warn("Could not hand back job {}; it runs again after its lock expires", jobId, e);
                    }
                }
            }
        }
        return unlocked;
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
