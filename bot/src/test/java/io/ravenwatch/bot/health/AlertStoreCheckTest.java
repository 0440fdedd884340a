package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.alerts.store.InMemoryAlertStore;
import io.ravenwatch.alerts.store.StoreSettings;
import io.ravenwatch.bot.health.CheckResult.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertStoreCheckTest {

  @TempDir Path dataDir;

  @Test
  @DisplayName("an embedded H2 store that answers is up; once closed, the check is down")
  void upWhileTheStoreAnswersDownOnceClosed() {
    AlertStore store = AlertStores.open(StoreSettings.EMBEDDED, dataDir, Clock.systemUTC());
    var check = new AlertStoreCheck(() -> Optional.of(store));
    assertThat(check.check()).isEqualTo(CheckResult.up("answering queries"));

    store.close();
    CheckResult closed = check.check();
    assertThat(closed.status()).isEqualTo(Status.DOWN);
    assertThat(closed.detail()).startsWith("query failed: ");
  }

  @Test
  @DisplayName("the in-memory store is up too")
  void inMemoryStoreIsUp() {
    var check = new AlertStoreCheck(() -> Optional.of(new InMemoryAlertStore()));
    assertThat(check.check().status()).isEqualTo(Status.UP);
  }

  @Test
  @DisplayName("with alerts disabled there is no store: the check says so and does not fail")
  void disabledWithoutAlerts() {
    CheckResult result = new AlertStoreCheck(Optional::empty).check();
    assertThat(result.status()).isEqualTo(Status.DISABLED);
    assertThat(result.detail()).contains("alerts.enabled: false");
  }
}
