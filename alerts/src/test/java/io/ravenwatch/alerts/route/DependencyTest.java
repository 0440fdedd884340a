package io.ravenwatch.alerts.route;

import static io.ravenwatch.alerts.route.RouterHarness.host;
import static io.ravenwatch.alerts.route.RouterHarness.labels;
import static io.ravenwatch.alerts.route.RouterHarness.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notification.Kind;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyTest {

  private final RouterHarness h = new RouterHarness(RouteSettings.DEFAULT, inventory());

  private static List<Target> inventory() {
    var targets = new ArrayList<Target>();
    targets.add(host("core1", ""));
    targets.add(host("switch1", "core1"));
    for (int i = 1; i <= 20; i++) {
      targets.add(host("host" + i, "switch1"));
    }
    return targets;
  }

  private static Labels down(String source) {
    return labels("host_down", source, "down", "true");
  }

  @Test
  void deadSwitchWithTwentyHostsIsOneNotificationNamingTheCause() {
    h.fire(down("switch1"), Severity.CRITICAL);
    for (int i = 1; i <= 20; i++) {
      h.fire(down("host" + i), Severity.CRITICAL);
    }
    h.advance(Duration.ofSeconds(5));

    assertThat(h.sent()).hasSize(1);
    Notification n = h.sent().getFirst();
    assertThat(n.kind()).isEqualTo(Kind.FIRING);
    assertThat(sources(n)).containsExactly("switch1");
    assertThat(n.suppressed()).isEqualTo(20);
    assertThat(n.cause()).isEqualTo("switch1");

    h.advance(Duration.ofMinutes(10));
    assertThat(h.sent()).hasSize(1);
  }

  @Test
  void dependentAlertsOfOtherGroupsAreSuppressedAndCountedToo() {
    h.fire(down("switch1"), Severity.CRITICAL);
    h.fire(labels("http_slow", "host3"));
    h.fire(labels("http_slow", "host4").with("region", "us"));
    h.advance(Duration.ofMinutes(5));

    assertThat(h.sent()).hasSize(1);
    assertThat(h.sent().getFirst().suppressed()).isEqualTo(2);
  }

  @Test
  void dependentsAreCountedUnderTheTopmostDownAncestor() {
    h.fire(down("core1"), Severity.CRITICAL);
    h.fire(down("switch1"), Severity.CRITICAL);
    h.fire(down("host1"), Severity.CRITICAL);
    h.advance(Duration.ofSeconds(5));

    assertThat(h.sent()).hasSize(1);
    assertThat(sources(h.sent().getFirst())).containsExactly("core1");
    assertThat(h.sent().getFirst().suppressed()).isEqualTo(2);
  }

  @Test
  void whenTheParentRecoversDependentsStillFiringAreNotifiedAndResolvedOnesNever() {
    h.fire(down("switch1"), Severity.CRITICAL);
    for (int i = 1; i <= 20; i++) {
      h.fire(down("host" + i), Severity.CRITICAL);
    }
    h.advance(Duration.ofSeconds(5));
    h.advance(Duration.ofMinutes(5));

    h.resolve(down("switch1"));
    h.advance(Duration.ofSeconds(20));
    for (int i = 1; i <= 15; i++) {
      h.resolve(down("host" + i)); // came back with their switch
    }
    h.advance(Duration.ofMinutes(2)); // past recovery_grace (1m) and group_wait

    assertThat(h.sent())
        .extracting(Notification::kind)
        .containsExactly(Kind.FIRING, Kind.RESOLVED, Kind.FIRING);
    Notification after = h.sent().get(2);
    assertThat(sources(after))
        .containsExactlyInAnyOrder("host16", "host17", "host18", "host19", "host20");
    assertThat(after.suppressed()).isZero();
  }

  @Test
  void alertWithoutTheDownLabelDoesNotSuppressDependents() {
    h.fire(labels("cpu_high", "switch1"));
    h.fire(labels("cpu_high", "host1"));
    h.advance(Duration.ofSeconds(5));

    assertThat(sources(h.sent().getFirst())).containsExactlyInAnyOrder("switch1", "host1");
  }
}
