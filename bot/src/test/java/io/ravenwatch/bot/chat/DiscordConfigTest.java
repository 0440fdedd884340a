package io.ravenwatch.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.config.ConfigError;
import io.ravenwatch.probes.config.ConfigException;
import io.ravenwatch.probes.inventory.ConfigLoader;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {
  private static final Map<String, String> ENV = Map.of("DISCORD_TOKEN", "t0ken-value");

  private static DiscordConfig parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(
            yaml, "test.yml", env, ProbeRegistry.standard(), List.of(DiscordSection.SECTION))
        .section(DiscordSection.SECTION);
  }

  private static List<String> errors(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml, ENV));
    assertThat(e).as("a configuration error").isNotNull();
    return e.errors().stream().map(ConfigError::line).toList();
  }

  @Test
  @DisplayName("without a discord section: console chat, the operator may do everything")
  void absentSectionMeansConsoleWithEveryCapability() {
    DiscordConfig config = parse("hosts: {}\n", ENV);

    assertThat(config.hasToken()).isFalse();
    assertThat(config.consoleCapabilitySet()).isEqualTo(EnumSet.allOf(Capability.class));
    assertThat(config.confirmTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.alertReceiverName()).isEqualTo("discord");
    assertThat(config.roles().of(Capability.VIEW)).isEmpty();
  }

  @Test
  @DisplayName("a token whose environment variable is unset means the console chat, not an error")
  void unsetTokenVariableMeansConsole() {
    DiscordConfig config = parse("discord: {token: '${DISCORD_TOKEN}'}\n", Map.of());

    assertThat(config.hasToken()).isFalse();
  }

  @Test
  @DisplayName("a full section binds: token from the environment, ids, roles by capability")
  void bindsAFullSection() {
    DiscordConfig config =
        parse(
            """
            discord:
              token: ${DISCORD_TOKEN}
              guild: 123456789012345678
              channels: {alerts: "223456789012345678", audit: 323456789012345678}
              roles:
                view: [423456789012345678, 523456789012345678]
                silence: [523456789012345678]
              console_capabilities: [view, ack]
              confirm_timeout: 90s
              alert_receiver_name: team-discord
            """,
            ENV);

    assertThat(config.hasToken()).isTrue();
    assertThat(config.token().reveal()).isEqualTo("t0ken-value");
    assertThat(config.toString()).doesNotContain("t0ken-value");
    assertThat(config.guild()).isEqualTo("123456789012345678");
    assertThat(config.channels().alerts()).isEqualTo("223456789012345678");
    assertThat(config.channels().announcements()).isNull();
    assertThat(config.channels().audit()).isEqualTo("323456789012345678");
    assertThat(config.roles().of(Capability.VIEW))
        .containsExactly("423456789012345678", "523456789012345678");
    assertThat(config.consoleCapabilitySet()).containsExactly(Capability.VIEW, Capability.ACK);
    assertThat(config.confirmTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.alertReceiverName()).isEqualTo("team-discord");

    var permissions = Permissions.from(config);
    var viewer = new Caller("1", "vic", Set.of("423456789012345678"));
    var silencer = new Caller("2", "sue", Set.of("523456789012345678"));
    assertThat(permissions.allows(viewer, Capability.VIEW)).isTrue();
    assertThat(permissions.allows(viewer, Capability.SILENCE)).isFalse();
    assertThat(permissions.allows(silencer, Capability.SILENCE)).isTrue();
    assertThat(permissions.allows(new Caller("3", "nobody", Set.of()), Capability.VIEW)).isFalse();
    assertThat(permissions.allows(Caller.CONSOLE, Capability.ACK)).isTrue();
    assertThat(permissions.allows(Caller.CONSOLE, Capability.RESTART)).isFalse();
  }

  @Test
  @DisplayName("an explicit empty console_capabilities grants the console nothing")
  void emptyConsoleCapabilitiesGrantNothing() {
    DiscordConfig config = parse("discord: {console_capabilities: []}\n", ENV);

    assertThat(Permissions.from(config).allows(Caller.CONSOLE, Capability.VIEW)).isFalse();
  }

  @Test
  @DisplayName("every problem of the section is reported at once, with its key path")
  void reportsEveryProblemWithItsPath() {
    List<String> errors =
        errors(
            """
            discord:
              token: ${DISCORD_TOKEN}
              guild: my-server
              channels: {announcements: 12, audits: 323456789012345678}
              roles:
                view: [423456789012345678, "@admins"]
                silense: [523456789012345678]
              console_capabilities: [view, reboot]
              confirm_timeout: 0s
            """);

    assertThat(errors)
        .containsExactlyInAnyOrder(
            "discord.channels.audits: expected one of the keys alerts, announcements, audit"
                + " (did you mean audit?). Found: unknown key \"audits\"",
            "discord.roles.silense: expected one of the keys view, ack, silence, maintenance,"
                + " restart, failover (did you mean silence?). Found: unknown key \"silense\"",
            "discord.console_capabilities[1]: expected one of VIEW, ACK, SILENCE, MAINTENANCE,"
                + " RESTART, FAILOVER. Found: \"reboot\"");
  }

  @Test
  @DisplayName("ids, required keys with a token and the timeout are checked once the types fit")
  void checksIdsRequiredKeysAndTimeout() {
    List<String> errors =
        errors(
            """
            discord:
              token: ${DISCORD_TOKEN}
              channels: {announcements: 12}
              roles:
                view: [423456789012345678, "@admins"]
              confirm_timeout: 0s
            """);

    assertThat(errors)
        .containsExactly(
            "discord.channels.announcements: expected a Discord id (17 to 20 digits). Found: \"12\"",
            "discord.roles.view[1]: expected a Discord id (17 to 20 digits). Found: \"@admins\"",
            "discord.guild: expected the guild id (required when discord.token is set)."
                + " Found: nothing",
            "discord.channels.alerts: expected a channel id (required when discord.token is set)."
                + " Found: nothing",
            "discord.confirm_timeout: expected a positive duration. Found: 0s");
  }

  @Test
  @DisplayName("a literal token is refused without being echoed")
  void literalTokenIsNotEchoed() {
    List<String> errors = errors("discord: {token: MTIz.secret.value}\n");

    assertThat(errors).hasSize(1);
    assertThat(errors.getFirst())
        .startsWith("discord.token: expected a reference to an environment variable")
        .doesNotContain("secret.value");
  }
}
