package io.ravenwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.ValueParsers;
import io.ravenwatch.probes.config.YamlTree;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
  private final ConfigErrors errors = new ConfigErrors();

  private StoreSettings bind(String yaml) {
    var binder = new Binder(new ValueParsers(Map.of("DB_USER", "rw", "DB_PASS", "s3cret")), errors);
    return binder.bindRecord(
        YamlTree.parse(yaml, "ravenwatch.yml"), StoreSettings.class, "alerts.store", Set.of());
  }

  @Test
  void defaultsToEmbeddedH2WithFourConnections() {
    StoreSettings s = bind("{}");

    assertThat(errors.list()).isEmpty();
    assertThat(s).isEqualTo(StoreSettings.EMBEDDED);
    assertThat(s.external()).isFalse();
    assertThat(s.poolSize()).isEqualTo(4);
  }

  @Test
  void bindsPostgresWithCredentialsFromTheEnvironment() {
    StoreSettings s =
        bind(
            "{url: 'jdbc:postgresql://db:5432/rw', username: '${DB_USER}',"
                + " password: '${DB_PASS}', pool_size: 8}");

    assertThat(errors.list()).isEmpty();
    assertThat(s.external()).isTrue();
    assertThat(s.username().reveal()).isEqualTo("rw");
    assertThat(s.password().reveal()).isEqualTo("s3cret");
    assertThat(s.poolSize()).isEqualTo(8);
    assertThat(s.toString()).doesNotContain("s3cret");
  }

  @Test
  void reportsAnUnsupportedUrlAndABadPoolSize() {
    bind("{url: 'jdbc:mysql://db/rw', pool_size: 0}");

    assertThat(errors.list().stream().map(ConfigError::path))
        .containsExactlyInAnyOrder("alerts.store.url", "alerts.store.pool_size");
  }

  @Test
  void logsUrlsWithoutCredentials() {
    assertThat(
            AlertStores.withoutCredentials(
                "jdbc:postgresql://db:5432/rw?user=rw&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/rw");
    assertThat(AlertStores.withoutCredentials("jdbc:postgresql://rw:s3cret@db/rw"))
        .isEqualTo("jdbc:postgresql://db/rw");
    assertThat(AlertStores.withoutCredentials("jdbc:h2:file:/d/state/x;USER=rw;PASSWORD=s3cret"))
        .isEqualTo("jdbc:h2:file:/d/state/x");
  }
}
