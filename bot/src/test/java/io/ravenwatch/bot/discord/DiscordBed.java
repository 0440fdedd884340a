package io.ravenwatch.bot.discord;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.DiscordConfig;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.testkit.discord.DiscordFake;
import io.ravenwatch.testkit.discord.FakeGuild;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A Discord fake with the real JDA logged in through {@link DiscordChat}, over a real bot context
 * ({@link CommandFixture}: a real alert engine on an in-memory store). One per test class.
 */
final class DiscordBed implements AutoCloseable {
  static final String GUILD = "100000000000000100";
  static final String ALERTS = "100000000000000200";
  static final String AUDIT = "100000000000000201";
  static final String READ_ONLY = "100000000000000202";
  static final String ONCALL = "100000000000000300";
  static final String VIEWER = "100000000000000301";
  static final String ALICE = "100000000000000400";
  static final String BOB = "100000000000000401";
  static final String VERA = "100000000000000402";

  /** alice is on call (every capability), vera may only look, bob has no role. */
  static final FakeGuild GUILD_OF_OPS =
      FakeGuild.of(GUILD, "ops")
          .withChannel(ALERTS, "alerts")
          .withChannel(AUDIT, "audit")
          .withReadOnlyChannel(READ_ONLY, "announcements")
          .withRole(ONCALL, "oncall")
          .withRole(VIEWER, "viewer")
          .withMember(ALICE, "alice", ONCALL)
          .withMember(BOB, "bob")
          .withMember(VERA, "vera", VIEWER);

  final CommandFixture fx;
  final DiscordFake fake;
  final DiscordChat chat;
  final List<AuditEntry> audit = new CopyOnWriteArrayList<>();

  DiscordBed(String inventoryYaml, Function<CommandFixture, CommandRegistry> registry)
      throws InterruptedException {
    fx = new CommandFixture(inventoryYaml);
    fake = DiscordFake.start(GUILD_OF_OPS);
    try {
      AuditLog.Sink recorder = audit::add;
      chat =
          DiscordChat.start(
              config(fake, ALERTS, AUDIT, List.of()),
              registry.apply(fx),
              List.of(recorder),
              fx.clock,
              endpoints(fake));
    } catch (RuntimeException | InterruptedException e) {
      fake.close();
      fx.close();
      throw e;
    }
  }

  static DiscordEndpoints endpoints(DiscordFake fake) {
    return new DiscordEndpoints(fake.restBaseUrl(), fake.gatewayUrl());
  }

  /** alice's role may do everything, vera's may view; {@code extraRoles} are granted view too. */
  static DiscordConfig config(
      DiscordFake fake, String alerts, String audit, List<String> extraRoles) {
    var view = new java.util.ArrayList<>(List.of(ONCALL, VIEWER));
    view.addAll(extraRoles);
    var all = List.of(ONCALL);
    return new DiscordConfig(
        Secret.literal(fake.token()),
        GUILD,
        new DiscordConfig.Channels(alerts, null, audit),
        new DiscordConfig.Roles(view, all, all, all, all, all),
        List.of(),
        Duration.ofSeconds(60),
        "discord");
  }

  @Override
  public void close() {
    try {
      chat.close();
    } finally {
      fake.close();
      fx.close();
    }
  }
}
