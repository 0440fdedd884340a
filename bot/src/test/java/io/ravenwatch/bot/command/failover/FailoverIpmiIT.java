package io.ravenwatch.bot.command.failover;

import static io.ravenwatch.bot.command.failover.FailoverBed.ALICE;
import static io.ravenwatch.bot.command.failover.FailoverBed.button;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.testkit.IpmiSimServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fencing a hung primary through its BMC: ipmi_sim stands in for the BMC. */
class FailoverIpmiIT {
  private static final String BMC_PASSWORD = "bmcS3cret";
  private static IpmiSimServer bmc;

  @TempDir Path dataDir;

  @BeforeAll
  static void start() {
    bmc = IpmiSimServer.launch("admin", BMC_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (bmc != null) {
      bmc.close();
    }
  }

  private FailoverBed bed(String passwordVariable) {
    String yaml =
        """
        services:
          app: {address: 127.0.0.1}
        failover:
          services:
            app:
              primary: app-a
              standbys: [app-b]
              preconditions: {healthy_probes: 0}
              nodes:
                app-a: {host: 127.0.0.1, ipmi: {host: 127.0.0.1, port: %1$d, user: admin, password: "${%2$s}", retries: 1, retry_timeout: 1s}}
                app-b: {host: 127.0.0.2, ipmi: {host: 127.0.0.1, port: %1$d, user: admin, password: "${%2$s}", retries: 1, retry_timeout: 1s}}
              steps:
                - {type: ipmi_power, action: cycle}
                - {type: command, argv: [/bin/echo, "app now on {{standby.host}}"]}
        """
            .formatted(bmc.port(), passwordVariable);
    return new FailoverBed(
        yaml, dataDir, Map.of("IPMI_PASSWORD", BMC_PASSWORD, "WRONG_PASSWORD", "nope123"));
  }

  @Test
  @DisplayName("an ipmi_power step power-cycles the old primary through its BMC")
  void fencesOldPrimary() {
    try (FailoverBed bed = bed("IPMI_PASSWORD")) {
      ChatMessage plan = bed.slash(ALICE, Map.of("service", "app")).only();
      assertThat(plan.embeds().getFirst().description())
          .contains("1. IPMI: chassis power cycle of app-a");
      int before = bmc.powerActions().size();

      RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

      ChatMessage.Embed last = run.edits.getLast().embeds().getFirst();
      assertThat(last.title()).isEqualTo("Failover of app done: app-b is active");
      assertThat(last.description())
          .contains("✅ 1. IPMI: chassis power cycle of app-a")
          .contains("Chassis Power Control: Cycle");
      assertThat(bmc.powerActions().subList(before, bmc.powerActions().size()))
          .contains("set power 0");
      var seen = new ArrayList<ChatMessage>(run.sent);
      seen.addAll(run.edits);
      assertThat(FailoverBed.everything(seen) + bed.audited + bed.incidents)
          .doesNotContain(BMC_PASSWORD);
    }
  }

  @Test
  @DisplayName("a BMC refusing the password fails the fencing step, and nothing after it runs")
  void refusedFencingStops() {
    try (FailoverBed bed = bed("WRONG_PASSWORD")) {
      ChatMessage plan = bed.slash(ALICE, Map.of("service", "app")).only();
      int before = bmc.powerActions().size();

      RecordingReply run = bed.press(ALICE, button(plan, "Confirm"));

      ChatMessage.Embed last = run.edits.getLast().embeds().getFirst();
      assertThat(last.title()).isEqualTo("Failover of app stopped at step 1");
      assertThat(last.description())
          .contains("❌ 1. IPMI: chassis power cycle of app-a")
          .contains("ipmitool for app-a exited with 1")
          .contains("⏭️ 2. Run /bin/echo app now on 127.0.0.2 — not run");
      assertThat(bmc.powerActions().subList(before, bmc.powerActions().size()))
          .doesNotContain("set power 0");
      assertThat(bed.audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
      assertThat(FailoverBed.everything(run.edits) + bed.audited).doesNotContain("nope123");
    }
  }
}
