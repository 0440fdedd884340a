package io.ravenwatch.probes.schedule;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;

/**
 * The Quartz configuration of the poller, in code (no {@code quartz.properties}): an in-memory job
 * store and a few dispatch threads, and one job with one repeating trigger per shard.
 *
 * <p>To move to a clustered JDBC store later, only {@link #properties} changes ({@code
 * org.quartz.jobStore.class = org.quartz.impl.jdbcjobstore.JobStoreTX}, {@code isClustered}, {@code
 * instanceId = AUTO}, a data source): the jobs hold nothing but their shard index and are stored
 * with replace, so every node may (re)declare them at start.
 */
final class QuartzSetup {
  static final String GROUP = "ravenwatch-poll";

  private QuartzSetup() {}

  static Properties properties(PollScheduler.Settings s) {
    var p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, s.name());
    p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    // Quartz 2.5 no longer phones home; kept so an older Quartz on the classpath would not either.
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.jmx.export", "false");
    p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(s.dispatchThreads()));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", s.name() + "-dispatch");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
    // A tick later than this counts as misfired and is dropped (the next tick does its work).
    long misfire = Math.max(1000, 2 * s.tick().toMillis());
    p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfire));
    return p;
  }

  static Scheduler scheduler(PollScheduler.Settings s) throws SchedulerException {
    // StdSchedulerFactory hands back an existing scheduler of the same name: refuse instead, or two
    // pollers would share one scheduler and one context.
    if (SchedulerRepository.getInstance().lookup(s.name()) != null) {
      throw new IllegalStateException(
          "a Quartz scheduler named '" + s.name() + "' already runs in this JVM");
    }
    return new StdSchedulerFactory(properties(s)).getScheduler();
  }

  /** One job and one trigger per shard, the shards' first ticks spread over one tick. */
  static void scheduleShards(Scheduler quartz, PollScheduler.Settings s) throws SchedulerException {
    Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
    long tick = s.tick().toMillis();
    // Quartz keeps its own (wall-clock) time; the injected Clock only decides which probes are due.
    long now = System.currentTimeMillis();
    for (int i = 0; i < s.shards(); i++) {
      JobDetail job =
          JobBuilder.newJob(ShardJob.class)
              .withIdentity("shard-" + i, GROUP)
              .usingJobData(ShardJob.SHARD, Integer.toString(i))
              .build();
      Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity("shard-" + i + "-tick", GROUP)
              .forJob(job)
              .startAt(new Date(now + tick * i / s.shards()))
              .withSchedule(
                  SimpleScheduleBuilder.simpleSchedule()
                      .withIntervalInMilliseconds(tick)
                      .repeatForever()
                      // Skip missed ticks rather than firing them in a burst.
                      .withMisfireHandlingInstructionNextWithRemainingCount())
              .build();
      jobs.put(job, Set.of(trigger));
    }
    quartz.scheduleJobs(jobs, true);
  }
}
