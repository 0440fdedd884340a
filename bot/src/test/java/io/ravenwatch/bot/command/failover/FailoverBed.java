package io.ravenwatch.bot.command.failover;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.bot.action.failover.FailoverSection;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatOutlets;
import io.ravenwatch.bot.chat.CommandDispatcher;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.ConfirmationBook;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.LastResults;
import io.ravenwatch.bot.chat.Permissions;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.bot.command.status.StatusCommand;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollObserver;
import io.ravenwatch.probes.schedule.PollScheduler;
import io.ravenwatch.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code /failover} and {@code /status} behind the real {@link CommandDispatcher}: configuration
 * parsed from YAML (with the {@code failover:} section), a recording audit log and recording
 * outlets (what went to incident threads), a fake clock.
 */
final class FailoverBed implements AutoCloseable {
  static final String OPS = "300000000000000001";
  static final String VIEWERS = "300000000000000002";
  static final Caller ALICE = new Caller("400000000000000001", "alice", Set.of(OPS));
  static final Caller BOB = new Caller("400000000000000002", "bob", Set.of(OPS));
  static final Caller VIC = new Caller("400000000000000003", "vic", Set.of(VIEWERS));

  final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
  final RavenwatchConfig config;
  final ProbeResources resources = new ProbeResources(clock);
  final PollScheduler scheduler;
  final LastResults lastResults = new LastResults();
  final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  final List<String> incidents = new CopyOnWriteArrayList<>();
  final BotContext context;
  final CommandDispatcher dispatcher;

  FailoverBed(String yaml, Path dataDir, Map<String, String> env) {
    config =
        ConfigLoader.parse(
            "data_dir: " + dataDir + "\n" + yaml,
            "test.yml",
            env,
            ProbeRegistry.standard(),
            List.of(FailoverSection.SECTION));
    scheduler =
        new PollScheduler(
            config.inventory().targets(),
            ProbeRegistry.standard(),
            resources,
            r -> {},
            PollObserver.NONE,
            PollScheduler.Settings.defaults());
    context = new BotContext(clock, config, null, scheduler, lastResults, outlets());
    var registry =
        new CommandRegistry()
            .register(new FailoverCommand(context))
            .register(new StatusCommand(context));
    var roles = new EnumMap<Capability, Set<String>>(Capability.class);
    roles.put(Capability.VIEW, Set.of(OPS, VIEWERS));
    roles.put(Capability.FAILOVER, Set.of(OPS));
    dispatcher =
        new CommandDispatcher(
            registry,
            new Permissions(roles, EnumSet.allOf(Capability.class)),
            new AuditLog(List.of(audited::add)),
            new ConfirmationBook(Duration.ofSeconds(60)),
            clock);
  }

  private ChatOutlets outlets() {
    return new ChatOutlets() {
      @Override
      public Optional<String> announce(ChatMessage message) {
        return Optional.empty();
      }

      @Override
      public int toIncidents(String target, String text) {
        incidents.add(target + ": " + text);
        return 1;
      }

      @Override
      public Optional<String> scheduleEvent(ScheduledEvent event) {
        return Optional.empty();
      }
    };
  }

  /** Makes {@code target}'s probes look healthy for the last {@code n} results. */
  void healthy(String target, int n) {
    for (int i = 0; i < n; i++) {
      lastResults.onResult(
          new ProbeResult(
              target,
              "net_response",
              "net_response",
              clock.instant().minusSeconds(10L * (n - i)),
              Duration.ofMillis(1),
              ProbeResult.Status.OK,
              "",
              List.of()));
    }
  }

  RecordingReply slash(Caller caller, Map<String, String> options) {
    var reply = new RecordingReply();
    dispatcher.dispatch(new Invocation(caller, "failover", "", options, reply));
    return reply;
  }

  RecordingReply press(Caller caller, String buttonId) {
    var reply = new RecordingReply();
    dispatcher.onButton(caller, buttonId, reply);
    return reply;
  }

  static String button(ChatMessage message, String label) {
    return message.buttons().stream()
        .filter(b -> b.label().equals(label))
        .map(ChatMessage.Button::id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + label + " button on " + message));
  }

  RecordingReply status() {
    var reply = new RecordingReply();
    dispatcher.dispatch(new Invocation(ALICE, "status", "", Map.of(), reply));
    return reply;
  }

  /** Everything a user or the audit trail could see, as text, for "no secret leaks" checks. */
  static String everything(List<ChatMessage> messages) {
    var sb = new StringBuilder();
    for (ChatMessage m : messages) {
      sb.append(m.content()).append('\n');
      for (ChatMessage.Embed e : m.embeds()) {
        sb.append(e.title()).append('\n').append(e.description()).append('\n').append(e.footer());
        e.fields().forEach(f -> sb.append(f.name()).append(f.value()));
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    scheduler.close();
    resources.close();
  }
}
