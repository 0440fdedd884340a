package io.ravenwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.alerts.silence.Matcher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesLabelsAsAPlainSortedObjectAndReadsThemBack() {
    Labels labels = Labels.of("source", "db1", "alertname", "DiskFull");

    String json = Json.write(labels);

    assertThat(json).isEqualTo("{\"alertname\":\"DiskFull\",\"source\":\"db1\"}");
    assertThat(Json.read(json, Labels.class)).isEqualTo(labels);
    assertThat(Json.read(json, Labels.class).fingerprint()).isEqualTo(labels.fingerprint());
  }

  @Test
  void roundTripsANotificationWithFullTimePrecision() {
    Notification n = AlertStoreContract.notification("discord", "g1").withId(7);
    String json = Json.write(n);

    assertThat(json).contains("\"createdAt\":\"2026-11-22T05:00:00.123Z\"");
    assertThat(Json.read(json, Notification.class)).isEqualTo(n);
    Instant precise = Instant.parse("2026-11-22T05:00:00.123456789Z");
    assertThat(Json.read(Json.write(precise), Instant.class)).isEqualTo(precise);
  }

  @Test
  void roundTripsMatchersAndScopesWithoutDerivedProperties() {
    var matchers = List.of(new Matcher("path", Matcher.Op.NRE, "/boot|/tmp"));
    var scope = new MaintenanceWindow.Scope(List.of(), List.of("lab"), List.of());

    assertThat(Json.read(Json.write(matchers), new TypeReference<List<Matcher>>() {}))
        .isEqualTo(matchers);
    assertThat(Json.write(scope)).doesNotContain("empty");
    assertThat(Json.read(Json.write(scope), MaintenanceWindow.Scope.class)).isEqualTo(scope);
  }

  @Test
  void ignoresPropertiesItDoesNotKnow() {
    String newer = "{\"targets\":[\"db1\"],\"groups\":[],\"regions\":[],\"hosts_of\":[\"x\"]}";

    assertThat(Json.read(newer, MaintenanceWindow.Scope.class).targets()).containsExactly("db1");
  }
}
