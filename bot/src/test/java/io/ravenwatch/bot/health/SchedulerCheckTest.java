package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.bot.health.CheckResult.Status;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.schedule.PollObserver;
import io.ravenwatch.probes.schedule.PollScheduler;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SchedulerCheckTest {

  @Test
  @DisplayName("the scheduler check is up only between start and stop of a real poll scheduler")
  void upWhileTheSchedulerRuns() {
    try (var resources = new ProbeResources(Clock.systemUTC());
        var scheduler =
            new PollScheduler(
                List.of(),
                ProbeRegistry.standard(),
                resources,
                r -> {},
                PollObserver.NONE,
                PollScheduler.Settings.defaults().withName("scheduler-check-test"))) {
      var check = new SchedulerCheck(scheduler::running);
      assertThat(check.check().status()).as("before start").isEqualTo(Status.DOWN);

      scheduler.start();
      assertThat(check.check()).isEqualTo(CheckResult.up("polling"));

      scheduler.stop();
      CheckResult stopped = check.check();
      assertThat(stopped.status()).isEqualTo(Status.DOWN);
      assertThat(stopped.detail()).contains("not running");
    }
  }
}
