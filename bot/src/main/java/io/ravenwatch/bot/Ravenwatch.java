package io.ravenwatch.bot;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ResultListener;
import io.ravenwatch.probes.influx.InfluxWriter;
import io.ravenwatch.probes.influx.SelfMetrics;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.probes.schedule.ResultBus;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: probe resources, the InfluxDB writer (or its spool), the result bus and
 * the poll scheduler, started in that order and stopped in reverse so no result is lost.
 */
public final class Ravenwatch implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Ravenwatch.class);

  private final ProbeResources resources;
  private final InfluxWriter writer;
  private final ResultBus bus;
  private final PollScheduler scheduler;

  private Ravenwatch(RavenwatchConfig config, Clock clock, List<ResultListener> extraListeners) {
    this.resources = new ProbeResources(clock);
    SelfMetrics metrics = SelfMetrics.forLocalHost();
    this.writer = new InfluxWriter(config.influx(), config.dataDir(), clock, metrics);
    this.bus = new ResultBus();
    bus.subscribe(writer);
    extraListeners.forEach(bus::subscribe);
    this.scheduler =
        new PollScheduler(
            config.inventory().targets(),
            ProbeRegistry.standard(config::ipmiProfiles),
            resources,
            bus,
            (type, elapsed, status) ->
                metrics.recordPoll(type, elapsed, status == ProbeResult.Status.OK),
            PollScheduler.Settings.defaults());
  }

  /** Starts everything; the caller closes the returned instance to stop. */
  public static Ravenwatch start(
      RavenwatchConfig config, Clock clock, List<ResultListener> extraListeners) {
    var app = new Ravenwatch(config, clock, extraListeners);
    app.writer.start();
    try {
      app.scheduler.start();
    } catch (RuntimeException e) {
      app.writer.close();
      app.resources.close();
      throw e;
    }
    logger.info("Ravenwatch is running: {} target(s)", config.inventory().size());
    return app;
  }

  public PollScheduler scheduler() {
    return scheduler;
  }

  public InfluxWriter writer() {
    return writer;
  }

  public ResultBus bus() {
    return bus;
  }

  /**
   * Stops polling first, then flushes the writer (to InfluxDB or the spool), then the resources.
   */
  @Override
  public void close() {
    scheduler.stop();
    writer.close();
    resources.close();
    logger.info("Ravenwatch stopped");
  }
}
