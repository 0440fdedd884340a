package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

  private static HealthCheck check(String name, Supplier<CheckResult> result) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CheckResult check() {
        return result.get();
      }
    };
  }

  @Test
  @DisplayName("a check that hangs is down after the timeout; the others still answer")
  void hangingCheckIsCutOff() {
    var never = new CountDownLatch(1);
    HealthReport report =
        HealthChecks.run(
            List.of(
                check("fine", () -> CheckResult.up("ok")),
                check(
                    "stuck",
                    () -> {
                      try {
                        never.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return CheckResult.up("unreachable");
                    })),
            Duration.ofMillis(200));

    assertThat(report.ok()).isFalse();
    assertThat(report.result("fine")).contains(CheckResult.up("ok"));
    assertThat(report.result("stuck")).contains(CheckResult.down("no answer within 200 ms"));
  }

  @Test
  @DisplayName("a check that throws is down with the exception's message")
  void throwingCheckIsDown() {
    HealthReport report =
        HealthChecks.run(
            List.of(
                check(
                    "broken",
                    () -> {
                      throw new IllegalStateException("boom");
                    })),
            Duration.ofSeconds(1));
    assertThat(report.result("broken"))
        .contains(CheckResult.down("the check failed: IllegalStateException: boom"));
  }

  @Test
  @DisplayName("degraded and disabled checks keep the report ok; its status is the worst seen")
  void statusIsTheWorst() {
    var up = new HealthReport.Entry("a", CheckResult.up("fine"));
    var off = new HealthReport.Entry("b", CheckResult.disabled("not configured"));
    var degraded = new HealthReport.Entry("c", CheckResult.degraded("spooling"));
    var down = new HealthReport.Entry("d", CheckResult.down("gone"));

    assertThat(new HealthReport(List.of(up, off)).status()).isEqualTo("up");
    assertThat(new HealthReport(List.of(up, off, degraded)).ok()).isTrue();
    assertThat(new HealthReport(List.of(up, off, degraded)).status()).isEqualTo("degraded");
    assertThat(new HealthReport(List.of(up, degraded, down)).ok()).isFalse();
    assertThat(new HealthReport(List.of(up, degraded, down)).status()).isEqualTo("down");
  }

  @Test
  @DisplayName("the JSON lists each check in order with its lower-case status and detail")
  void json() {
    var report =
        new HealthReport(
            List.of(
                new HealthReport.Entry("scheduler", CheckResult.up("polling")),
                new HealthReport.Entry("influxdb", CheckResult.degraded("a \"quoted\" reason"))));
    assertThat(report.toJson())
        .isEqualTo(
            "{\"status\":\"degraded\",\"checks\":["
                + "{\"name\":\"scheduler\",\"status\":\"up\",\"detail\":\"polling\"},"
                + "{\"name\":\"influxdb\",\"status\":\"degraded\","
                + "\"detail\":\"a \\\"quoted\\\" reason\"}]}");
  }
}
