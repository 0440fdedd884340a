package io.ravenwatch.bot.action.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.bot.action.failover.step.StepContext;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.container.ContainerEngines;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailoverRunnerTest {
  private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");

  private static ServicePlan plan(String steps) {
    String yaml =
        """
        services:
          app: {address: 127.0.0.1}
        failover:
          services:
            app:
              primary: a
              standbys: [b]
              preconditions: {healthy_probes: 0}
              nodes: {a: {host: 127.0.0.1}, b: {host: 127.0.0.2}}
        """
            + steps;
    return ConfigLoader.parse(
            yaml, "t.yml", Map.of(), ProbeRegistry.standard(), List.of(FailoverSection.SECTION))
        .section(FailoverSection.SECTION)
        .service("app")
        .orElseThrow();
  }

  private StepContext context(ServicePlan plan) {
    return new StepContext(
        plan.name(),
        plan.nodes(),
        "a",
        "b",
        Duration.ofSeconds(10),
        t -> List.of(),
        ContainerEngines.NONE,
        clock);
  }

  @Test
  @DisplayName("a failing step midway stops the run: done, not done, post-checks skipped")
  void failingStepAborts() throws Exception {
    ServicePlan plan =
        plan(
            """
                  steps:
                    - {type: command, argv: [/bin/echo, "fence {{primary}}"]}
                    - {type: command, argv: [/bin/sh, -c, "echo no route >&2; exit 3"]}
                    - {type: command, argv: [/bin/echo, "promote {{standby.host}}"]}
                  post_checks:
                    - {type: command, argv: [/bin/true]}
            """);
    var progress = new ArrayList<FailoverReport>();

    FailoverReport report = new FailoverRunner(clock).run(plan, context(plan), progress::add);

    assertThat(report.steps())
        .extracting(StepRun::state)
        .containsExactly(StepRun.State.OK, StepRun.State.FAILED, StepRun.State.NOT_RUN);
    assertThat(report.checks()).extracting(StepRun::state).containsExactly(StepRun.State.NOT_RUN);
    assertThat(report.ok()).isFalse();
    assertThat(report.steps().get(0).result().observed()).isEqualTo("exit 0: fence a");
    assertThat(report.steps().get(1).result().reason())
        .isEqualTo("/bin/sh exited with 3, expected 0");
    assertThat(report.steps().get(1).result().observed()).isEqualTo("exit 3: no route");
    assertThat(report.summary())
        .contains("stopped at step 2")
        .contains("Done: 1. Run /bin/echo fence a (0.0s)")
        .contains("Not done: 3. Run /bin/echo promote 127.0.0.2")
        .contains("Post-checks not run")
        .contains("a is still recorded as the active node");
    // Reported as it went: step 1 running, step 2 running, then the end.
    assertThat(progress).hasSize(3);
    assertThat(progress.get(1).steps().get(1).state()).isEqualTo(StepRun.State.RUNNING);
  }

  @Test
  @DisplayName("a step that outlives its timeout fails and is stopped")
  void slowStepTimesOut() throws Exception {
    ServicePlan plan =
        plan(
            """
                  steps:
                    - {type: command, argv: [/bin/sleep, "30"], timeout: 300ms}
            """);

    FailoverReport report = new FailoverRunner(clock).run(plan, context(plan), r -> {});

    assertThat(report.steps().getFirst().state()).isEqualTo(StepRun.State.FAILED);
    assertThat(report.steps().getFirst().result().reason()).contains("did not finish within");
  }

  @Test
  @DisplayName("secrets given to a command through env are blanked out of what it printed")
  void blanksSecretsFromOutput() throws Exception {
    String yaml =
        """
        services:
          app: {address: 127.0.0.1}
        failover:
          services:
            app:
              primary: a
              standbys: [b]
              preconditions: {healthy_probes: 0}
              nodes: {a: {host: 127.0.0.1}, b: {host: 127.0.0.2}}
              steps:
                - {type: command, argv: [/bin/sh, -c, "echo token is $TOKEN"], env: {TOKEN: "${T}"}}
        """;
    ServicePlan plan =
        ConfigLoader.parse(
                yaml,
                "t.yml",
                Map.of("T", "tok-123456"),
                ProbeRegistry.standard(),
                List.of(FailoverSection.SECTION))
            .section(FailoverSection.SECTION)
            .service("app")
            .orElseThrow();

    FailoverReport report = new FailoverRunner(clock).run(plan, context(plan), r -> {});

    assertThat(report.ok()).isTrue();
    assertThat(report.steps().getFirst().result().observed()).isEqualTo("exit 0: token is ****");
    assertThat(report.summary()).doesNotContain("tok-123456");
  }
}
