/**
 * The process engine as the application runs it: tuning that makes the engine fast here (FEEL expressions parsed
 * once, the indexes Tasklist's queries need) and its lifecycle on a cluster node (a graceful stop drains the job
 * executor before the connection pool and the mail sender close). No process-specific knowledge.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process engine runtime", allowedDependencies = {})
package se.kommun.kvalitet.engine;
