package io.ravenwatch.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ValueParsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteSettingsTest {

  private final ConfigErrors errors = new ConfigErrors();
  private final Binder binder = new Binder(new ValueParsers(Map.of()), errors);

  @Test
  void emptySectionGivesTheDefaults() {
    RouteSettings s = binder.bindRecord(Map.of(), RouteSettings.class, "alerts.route", Set.of());

    assertThat(errors.isEmpty()).isTrue();
    assertThat(s).isEqualTo(RouteSettings.DEFAULT);
  }

  @Test
  void bindsEveryKey() {
    Map<String, Object> yaml =
        Map.of(
            "receivers", List.of("discord"),
            "group_by", List.of("alertname"),
            "group_wait", "0s",
            "escalation", Map.of("after", "10m", "receiver", "oncall", "mention", "<@&1>"),
            "resolve_notify", false);

    RouteSettings s = binder.bindRecord(yaml, RouteSettings.class, "alerts.route", Set.of());

    assertThat(errors.isEmpty()).isTrue();
    assertThat(s.receivers()).containsExactly("discord");
    assertThat(s.groupWait()).isZero();
    assertThat(s.escalation())
        .isEqualTo(new RouteSettings.Escalation(Duration.ofMinutes(10), "oncall", "<@&1>"));
    assertThat(s.resolveNotify()).isFalse();
    assertThat(s.escalationReceivers()).containsExactly("oncall");
  }

  @Test
  void reportsBadValuesWithTheirKeys() {
    binder.bindRecord(
        Map.of("receivers", List.of(), "group_interval", "0s"),
        RouteSettings.class,
        "alerts.route",
        Set.of());

    assertThat(errors.list().toString())
        .contains("alerts.route.receivers", "alerts.route.group_interval");
  }
}
