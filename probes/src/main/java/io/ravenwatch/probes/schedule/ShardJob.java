package io.ravenwatch.probes.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one shard of targets: on every tick it starts the shard's due probes, each on
 * its own virtual thread, and returns at once. It only dispatches, so a few Quartz threads serve
 * any number of targets.
 *
 * <p>Its job data is the shard index alone (a string, so a JDBC store with {@code useProperties}
 * can keep it). The live objects (probes, their due times, the result bus) are reached through the
 * {@link org.quartz.SchedulerContext} under {@link #DISPATCHER}: that context lives in the memory
 * of each node's scheduler instance and is never persisted, so with a clustered JDBC job store the
 * same stored job runs on whichever node acquires its trigger and finds that node's dispatcher. (A
 * static registry keyed by scheduler name would also work, but every clustered node shares one
 * scheduler name, and tests that start several schedulers in one JVM would need to clean it up.)
 * Each node computes the same plan from the same inventory, and its due times skip slots it did not
 * run, so a shard moving to another node after a failover resumes at its next slot.
 *
 * <p>{@link DisallowConcurrentExecution}: a shard never dispatches twice at once; a tick that would
 * overlap is dropped by the trigger's misfire policy (do nothing, wait for the next tick).
 */
@DisallowConcurrentExecution
public final class ShardJob implements Job {
  private static final Logger logger = LoggerFactory.getLogger(ShardJob.class);

  /** The job data key of the shard index. */
  static final String SHARD = "shard";

  /** The scheduler context key of the node's {@link Dispatcher}. */
  static final String DISPATCHER = "io.ravenwatch.probes.schedule.dispatcher";

  /** Starts the due probes of one shard; the poller puts one in the scheduler context. */
  @FunctionalInterface
  interface Dispatcher {
    void dispatch(int shard);
  }

  /** Quartz creates jobs by reflection. */
  public ShardJob() {}

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    int shard = Integer.parseInt(context.getMergedJobDataMap().getString(SHARD));
    Object dispatcher;
    try {
      dispatcher = context.getScheduler().getContext().get(DISPATCHER);
    } catch (SchedulerException e) {
      throw new JobExecutionException("no scheduler context for shard " + shard, e);
    }
    if (!(dispatcher instanceof Dispatcher d)) {
      throw new JobExecutionException("no poller registered in the scheduler context");
    }
    try {
      d.dispatch(shard);
    } catch (RuntimeException e) {
      // Never let a tick's failure reach Quartz's own handling: the next tick simply tries again.
      logger.error("Dispatching shard {} failed; the next tick tries again", shard, e);
    }
  }
}
