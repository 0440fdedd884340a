package io.ravenwatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.config.Binder;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.ValueParsers;
import io.ravenwatch.probes.config.YamlTree;
import io.ravenwatch.testkit.MutableClock;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class NotifierRegistryTest {
  private final ConfigErrors errors = new ConfigErrors();
  private final Binder binder =
      new Binder(new ValueParsers(Map.of("HOOK_TOKEN", "s3cret")), errors);
  private final NotifierRegistry registry = NotifierRegistry.standard();

  private List<ReceiverSpec> bind(String yaml) {
    Object tree = YamlTree.parse(yaml, "test.yml");
    return registry.bind(((Map<?, ?>) tree).get("receivers"), binder, errors, "alerts.receivers");
  }

  @Test
  void bindsConsoleAndWebhookReceiversAndBuildsTheirNotifiers() {
    List<ReceiverSpec> specs =
        bind(
            """
            receivers:
              console: {type: console}
              ops:
                type: webhook
                url: https://hooks.example.org/rw
                headers: {X-Team: ops}
                token: ${HOOK_TOKEN}
            """);

    assertThat(errors.list()).isEmpty();
    assertThat(specs).extracting(ReceiverSpec::name).containsExactly("console", "ops");
    var webhook = (WebhookNotifier.Settings) specs.get(1).settings();
    assertThat(webhook.url()).isEqualTo("https://hooks.example.org/rw");
    assertThat(webhook.headers()).containsEntry("X-Team", "ops");
    assertThat(webhook.token()).extracting(Secret::reveal).isEqualTo("s3cret");
    assertThat(webhook.timeout()).isEqualTo(Duration.ofSeconds(10));

    var resources =
        new NotifierResources(
            MutableClock.at("2025-01-01T00:00:00Z"),
            new PrintStream(OutputStream.nullOutputStream()),
            new OkHttpClient());
    var notifiers = NotifierRegistry.build(specs, resources);
    assertThat(notifiers.get("console")).isInstanceOf(ConsoleNotifier.class);
    assertThat(notifiers.get("ops")).isInstanceOf(WebhookNotifier.class);
  }

  @Test
  void reportsEveryProblemWithItsKeyPath() {
    List<ReceiverSpec> specs =
        bind(
            """
            receivers:
              a: {type: webhok, url: "https://x"}
              b: {type: webhook, url: "ftp://x"}
              c: {type: webhook}
              d: {type: webhook, url: "http://x", timeout: 0s}
            """);

    assertThat(specs).isEmpty();
    assertThat(errors.list())
        .extracting(ConfigError::path)
        .containsExactly(
            "alerts.receivers.a.type",
            "alerts.receivers.b.url",
            "alerts.receivers.c.url",
            "alerts.receivers.d.timeout");
    assertThat(errors.list().getFirst().expected()).contains("webhook");
    assertThat(errors.list().get(1).expected()).isEqualTo("an http:// or https:// URL with a host");
  }
}
