package io.ravenwatch.bot.discord.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.engine.AlertsConfig;
import io.ravenwatch.alerts.engine.AlertsSection;
import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.notify.NotifierResources;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.inventory.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: discord} under {@code alerts.receivers}, bound through the bot's registry. */
class DiscordNotifierTypeTest {
  static final String YAML =
      """
      alerts:
        route: {receivers: [oncall]}
        receivers:
          oncall: {type: discord, channel: "%s", mention_role: "%s"}
      """;

  private static AlertsConfig load(String yaml, NotifierRegistry registry) {
    return ConfigLoader.parse(
            yaml,
            "test.yml",
            Map.of(),
            ProbeRegistry.standard(),
            List.of(AlertsSection.section(registry)))
        .section(AlertsSection.SECTION);
  }

  @Test
  void bindsADiscordReceiverWithItsChannelAndRole() {
    AlertsConfig alerts =
        load(YAML.formatted("223456789012345678", "423456789012345678"), Setup.notifierTypes());

    var settings = (DiscordNotifierType.Settings) alerts.receivers().getFirst().settings();
    assertThat(settings.channel()).isEqualTo("223456789012345678");
    assertThat(settings.mentionRole()).isEqualTo("423456789012345678");
    var link = new DiscordLink("123456789012345678");
    var notifiers =
        NotifierRegistry.build(
            alerts.receivers(), NotifierResources.standard().withService(DiscordLink.class, link));
    assertThat(notifiers.get("oncall")).isInstanceOf(DiscordNotifier.class);
  }

  @Test
  void reportsBadIdsWithTheirKeys() {
    assertThatThrownBy(() -> load(YAML.formatted("alerts", "oncall"), Setup.notifierTypes()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerts.receivers.oncall.channel")
        .hasMessageContaining("alerts.receivers.oncall.mention_role");
  }

  @Test
  void theStandardRegistryOfTheAlertsModuleDoesNotKnowDiscord() {
    assertThatThrownBy(
            () ->
                load(
                    YAML.formatted("223456789012345678", "423456789012345678"),
                    NotifierRegistry.standard()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerts.receivers.oncall.type");
  }

  @Test
  void aDiscordReceiverWithoutTheBotsLinkIsAClearError() {
    AlertsConfig alerts =
        load(YAML.formatted("223456789012345678", "423456789012345678"), Setup.notifierTypes());

    assertThatThrownBy(
            () -> NotifierRegistry.build(alerts.receivers(), NotifierResources.standard()))
        .hasMessageContaining("no DiscordLink");
  }
}
