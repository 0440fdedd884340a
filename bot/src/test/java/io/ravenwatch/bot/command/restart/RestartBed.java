package io.ravenwatch.bot.command.restart;

import io.ravenwatch.alerts.audit.AuditEntry;
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
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeResources;
import io.ravenwatch.probes.inventory.ConfigLoader;
import io.ravenwatch.probes.inventory.RavenwatchConfig;
import io.ravenwatch.probes.schedule.PollObserver;
import io.ravenwatch.probes.schedule.PollScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code /restart} driven through the real {@link CommandDispatcher} (roles, plan, same-user
 * confirmation, audit) with the system clock (it really waits), recording what reaches the incident
 * threads.
 */
final class RestartBed implements AutoCloseable {
  static final String VIEWERS = "100000000000000001";
  static final String RESTARTERS = "100000000000000003";

  static final Caller ALICE =
      new Caller("200000000000000001", "alice", Set.of(VIEWERS, RESTARTERS));
  static final Caller BOB = new Caller("200000000000000002", "bob", Set.of(VIEWERS, RESTARTERS));
  static final Caller VIC = new Caller("200000000000000003", "vic", Set.of(VIEWERS));

  /** One post in an incident thread. */
  record IncidentPost(String target, String text) {}

  final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  final List<IncidentPost> incidents = new CopyOnWriteArrayList<>();
  final RavenwatchConfig config;
  private final ProbeResources resources = new ProbeResources(Clock.systemUTC());
  private final PollScheduler scheduler;
  final CommandDispatcher dispatcher;

  RestartBed(String yaml, Map<String, String> env) {
    config =
        ConfigLoader.parse(
            yaml, "test.yml", env, ProbeRegistry.standard(), List.of(RestartConfig.SECTION));
    scheduler =
        new PollScheduler(
            List.of(),
            ProbeRegistry.standard(),
            resources,
            r -> {},
            PollObserver.NONE,
            PollScheduler.Settings.defaults());
    var context =
        new BotContext(
            Clock.systemUTC(), config, null, scheduler, new LastResults(), recordingOutlets());
    var roles = new EnumMap<Capability, Set<String>>(Capability.class);
    roles.put(Capability.VIEW, Set.of(VIEWERS));
    roles.put(Capability.RESTART, Set.of(RESTARTERS));
    dispatcher =
        new CommandDispatcher(
            new CommandRegistry().register(new RestartCommand(context)),
            new Permissions(roles, EnumSet.noneOf(Capability.class)),
            new AuditLog(List.of(audited::add)),
            new ConfirmationBook(Duration.ofSeconds(60)),
            Clock.systemUTC());
  }

  private ChatOutlets recordingOutlets() {
    return new ChatOutlets() {
      @Override
      public Optional<String> announce(ChatMessage message) {
        return Optional.empty();
      }

      @Override
      public int toIncidents(String target, String text) {
        incidents.add(new IncidentPost(target, text));
        return 1;
      }

      @Override
      public Optional<String> scheduleEvent(ScheduledEvent event) {
        return Optional.empty();
      }
    };
  }

  /** {@code /restart target:<target>} by {@code caller}. */
  RecordingReply restart(Caller caller, String target) {
    var reply = new RecordingReply();
    dispatcher.dispatch(new Invocation(caller, "restart", "", Map.of("target", target), reply));
    return reply;
  }

  /**
   * Presses a button of {@code message} (Confirm, Cancel) as {@code caller}; blocks while it runs.
   */
  RecordingReply press(Caller caller, ChatMessage message, String label) {
    String id =
        message.buttons().stream()
            .filter(b -> b.label().equals(label))
            .map(ChatMessage.Button::id)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + label + " button on " + message));
    var reply = new RecordingReply();
    dispatcher.onButton(caller, id, reply);
    return reply;
  }

  /** Everything a reply showed, in order: sends then edits would lose the order, so both. */
  static List<String> contents(RecordingReply reply) {
    var all = new CopyOnWriteArrayList<String>();
    reply.sent.forEach(m -> all.add(m.content()));
    reply.edits.forEach(m -> all.add(m.content()));
    return all;
  }

  @Override
  public void close() {
    scheduler.close();
    resources.close();
  }
}
