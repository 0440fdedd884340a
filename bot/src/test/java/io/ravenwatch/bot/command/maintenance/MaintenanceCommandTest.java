package io.ravenwatch.bot.command.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.CommandDispatcher;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.ConfirmationBook;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.Permissions;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.bot.command.CommandFixture;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.RecordingReply;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaintenanceCommandTest {
  static final String YAML =
      """
      hosts:
        web1: {address: 127.0.0.1, region: eu-west, group: web, probes: [{type: ping}]}
        web2: {address: 127.0.0.2, region: eu-west, group: web, probes: [{type: ping}]}
        db1: {address: 127.0.0.3, region: us-east, group: db, probes: [{type: ping}]}
      """;

  final CommandFixture fx = new CommandFixture(YAML);
  final RecordingOutlets outlets = new RecordingOutlets();
  final List<Point> points = new CopyOnWriteArrayList<>();
  final BotContext context = fx.context.withOutlets(outlets).withPoints(points::addAll);
  final MaintenanceCommand command = new MaintenanceCommand(context);
  final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
  final CommandDispatcher dispatcher =
      new CommandDispatcher(
          new CommandRegistry().register(command),
          new Permissions(
              Map.of(
                  Capability.VIEW, Set.of("ops", "viewers"),
                  Capability.MAINTENANCE, Set.of("ops")),
              EnumSet.noneOf(Capability.class)),
          new AuditLog(List.of(audit::add)),
          new ConfirmationBook(Duration.ofSeconds(60)),
          fx.clock);

  @AfterEach
  void close() {
    fx.close();
  }

  /** Runs a subcommand as alice through the dispatcher; confirms its plan when it shows one. */
  RecordingReply run(String sub, Map<String, String> options) {
    var reply = new RecordingReply();
    dispatcher.dispatch(new Invocation(CommandFixture.ALICE, "maintenance", sub, options, reply));
    ChatMessage first = reply.sent.getFirst();
    var confirm = first.buttons().stream().filter(b -> b.label().equals("Confirm")).findFirst();
    if (confirm.isEmpty()) {
      return reply;
    }
    var after = new RecordingReply();
    dispatcher.onButton(CommandFixture.ALICE, confirm.get().id(), after);
    return after;
  }

  ChatMessage plan(String sub, Map<String, String> options) throws CommandException {
    return command.plan(
        new Invocation(CommandFixture.ALICE, "maintenance", sub, options, new RecordingReply()));
  }

  List<Point> annotations(String event) {
    return points.stream()
        .filter(p -> "maintenance".equals(p.tag("kind")) && event.equals(p.tag("event")))
        .toList();
  }

  @Test
  @DisplayName("the plan of '/maintenance start' shows scope, target count, times and reason")
  void planShowsWhatWillBeMuted() throws Exception {
    var reply = new RecordingReply();
    dispatcher.dispatch(
        new Invocation(
            CommandFixture.ALICE,
            "maintenance",
            "start",
            Map.of("scope", "web, db1", "duration", "2h", "reason", "kernel patches"),
            reply));

    ChatMessage plan = reply.only();
    var embed = plan.embeds().getFirst();
    assertThat(embed.title()).isEqualTo("Open a maintenance window?");
    assertThat(embed.fields().get(0).value()).isEqualTo("db1, group web (3 targets)");
    assertThat(embed.fields().get(1).value()).isEqualTo("2026-11-22 10:00 UTC → 12:00 UTC (2h)");
    assertThat(embed.fields().get(2).value()).isEqualTo("kernel patches");
    assertThat(plan.buttons()).anyMatch(b -> b.label().equals("Confirm"));
    assertThat(fx.engine.maintenance().list()).isEmpty();
    assertThat(outlets.announced).isEmpty();
  }

  @Test
  @DisplayName("'/maintenance start' opens the window, mutes, announces, annotates and audits")
  void startOpensWindow() {
    var reply = run("start", Map.of("scope", "web1", "duration", "90m", "reason", "swap the disk"));

    MaintenanceWindow w = fx.engine.maintenance().list().getFirst();
    assertThat(w.scope().targets()).containsExactly("web1");
    assertThat(w.start()).isEqualTo(fx.clock.instant());
    assertThat(w.end()).isEqualTo(fx.clock.instant().plus(Duration.ofMinutes(90)));
    assertThat(w.createdBy()).isEqualTo("alice");
    assertThat(fx.engine.maintenance().mutedBy(Labels.of("source", "web1"), fx.clock.instant()))
        .isPresent();
    assertThat(fx.engine.maintenance().mutedBy(Labels.of("source", "db1"), fx.clock.instant()))
        .isEmpty();
    assertThat(reply.embed().title()).isEqualTo("🔧 Maintenance started");
    assertThat(outlets.titles()).containsExactly("🔧 Maintenance started");
    assertThat(outlets.announced.getFirst().embeds().getFirst().fields().getFirst().value())
        .isEqualTo("web1 (1 target)");
    assertThat(outlets.incidentLines).singleElement().asString().startsWith("web1: 🔧 Maintenance");
    assertThat(annotations("start"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.measurement()).isEqualTo("annotations");
              assertThat(p.tag("user")).isEqualTo("alice");
              assertThat(p.field("text").toString()).contains("web1");
              assertThat(p.field("window_id")).isEqualTo(w.id());
            });
    AuditEntry ok = audit.getLast();
    assertThat(ok.outcome()).isEqualTo(AuditEntry.Outcome.OK);
    assertThat(ok.roles()).containsExactly("ops");
    assertThat(ok.parameters()).containsEntry("reason", "swap the disk");
    assertThat(ok.before()).isEqualTo("no window of alice on web1");
    assertThat(ok.after())
        .startsWith("window " + w.id() + " open until")
        .contains("1 target muted");
  }

  @Test
  @DisplayName("bad input is a short reason before anything is asked or done")
  void badInput() {
    assertThatThrownBy(
            () -> plan("start", Map.of("scope", "web9", "duration", "1h", "reason", "x")))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("No target, group or region is named `web9`");
    assertThatThrownBy(
            () -> plan("start", Map.of("scope", "web1", "duration", "soon", "reason", "x")))
        .hasMessage("`soon` is not a duration: use e.g. `30m`, `1h`, `1h30m`, `2d`.");
    assertThatThrownBy(
            () ->
                plan(
                    "schedule",
                    Map.of(
                        "scope",
                        "web1",
                        "start",
                        "2026-11-22T09:00Z",
                        "duration",
                        "1h",
                        "reason",
                        "x")))
        .hasMessageContaining("is in the past");
    assertThatThrownBy(
            () ->
                plan(
                    "schedule",
                    Map.of(
                        "scope",
                        "web1",
                        "start",
                        "2026-11-22T14:00Z",
                        "until",
                        "2026-11-22T13:00Z",
                        "reason",
                        "x")))
        .hasMessage("The end `2026-11-22T13:00Z` is not after the start 2026-11-22 14:00 UTC.");
    assertThatThrownBy(() -> plan("start", Map.of("scope", "web1", "reason", "x")))
        .hasMessage("Give a duration (e.g. `2h`) or an until time.");
    assertThatThrownBy(
            () -> plan("start", Map.of("scope", "web1", "duration", "40d", "reason", "x")))
        .hasMessage("A maintenance window lasts at most 30d.");
    assertThatThrownBy(() -> plan("end", Map.of("id", "nope")))
        .hasMessage("No open or scheduled maintenance window `nope`: see /maintenance list.");

    // Through the dispatcher: an ephemeral reply, audited as failed, nothing created.
    var reply = new RecordingReply();
    dispatcher.dispatch(
        new Invocation(
            CommandFixture.ALICE,
            "maintenance",
            "start",
            Map.of("scope", "web1; rm -rf /", "duration", "1h", "reason", "x"),
            reply));
    assertThat(reply.only().ephemeral()).isTrue();
    assertThat(reply.only().content()).startsWith("No target, group or region is named");
    assertThat(audit.getLast().outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
    assertThat(fx.engine.maintenance().list()).isEmpty();
    assertThat(outlets.announced).isEmpty();
  }

  @Test
  @DisplayName("'/maintenance start' is refused to a user without the maintenance permission")
  void refusedWithoutPermission() {
    var vera = new io.ravenwatch.bot.chat.Caller("1002", "vera", Set.of("viewers"));
    var reply = new RecordingReply();
    dispatcher.dispatch(
        new Invocation(
            vera,
            "maintenance",
            "start",
            Map.of("scope", "web1", "duration", "1h", "reason", "x"),
            reply));
    assertThat(reply.only().content()).contains("`maintenance` permission");
    assertThat(audit.getLast().outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
    // list needs only view
    var list = new RecordingReply();
    dispatcher.dispatch(new Invocation(vera, "maintenance", "list", Map.of(), list));
    assertThat(list.embed().title()).isEqualTo("Maintenance windows (0)");
  }

  @Test
  @DisplayName("'/maintenance schedule' announces and creates an event; it opens later by time")
  void scheduleAnnouncesAndCreatesEvent() {
    var reply =
        run(
            "schedule",
            Map.of(
                "scope", "db",
                "start", "2026-11-22T22:00Z",
                "until", "2026-11-23T01:00Z",
                "reason", "postgres upgrade"));

    assertThat(reply.embed().title()).isEqualTo("🗓 Maintenance scheduled");
    assertThat(outlets.titles()).containsExactly("🗓 Maintenance scheduled");
    assertThat(outlets.events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("Maintenance: postgres upgrade");
              assertThat(e.start()).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));
              assertThat(e.end()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
              assertThat(e.location()).isEqualTo("group db");
            });
    assertThat(fx.engine.maintenance().mutedBy(Labels.of("source", "db1"), fx.clock.instant()))
        .isEmpty();
    assertThat(annotations("start")).isEmpty();

    var list = run("list", Map.of());
    assertThat(list.embed().title()).isEqualTo("Maintenance windows (1)");
    assertThat(list.embed().description()).contains("group db", "🗓 starts in 12h", "alice");
    assertThat(Limits.fits(list.only())).isTrue();
  }

  @Test
  @DisplayName("'/maintenance end' of a scheduled window cancels it")
  void endCancelsScheduled() throws Exception {
    run(
        "schedule",
        Map.of("scope", "db1", "start", "2026-11-22T22:00Z", "duration", "1h", "reason", "x"));
    String id = fx.engine.maintenance().list().getFirst().id();

    var reply = run("end", Map.of("id", id));

    assertThat(reply.embed().title()).isEqualTo("🚫 Maintenance cancelled");
    assertThat(fx.engine.maintenance().list()).isEmpty();
    assertThat(audit.getLast().after()).isEqualTo("cancelled");
    fx.clock.set(Instant.parse("2026-11-22T22:30:00Z"));
    MaintenanceDesk.of(context).sweep();
    assertThat(outlets.titles())
        .containsExactly("🗓 Maintenance scheduled", "🚫 Maintenance cancelled");
    assertThat(points).isEmpty();
  }

  @Test
  @DisplayName("autocomplete: scope names one after another, and the open windows for end")
  void autocompletes() {
    assertThat(command.complete("scope", "we")).contains("web1", "web2", "web");
    assertThat(command.complete("scope", "web1, d")).contains("web1, db1", "web1, db");
    run("start", Map.of("scope", "web1", "duration", "1h", "reason", "disk swap"));
    String id = fx.engine.maintenance().list().getFirst().id();
    assertThat(command.suggest("id", "disk", Map.of()))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(id));
  }

  void probed(String target, ProbeResult.Status status, String reason) {
    fx.lastResults.onResult(
        new ProbeResult(
            target,
            "ping",
            "ping",
            fx.clock.instant(),
            Duration.ofMillis(3),
            status,
            reason,
            List.of()));
  }

  @Test
  @DisplayName("'/maintenance end' sums up: what alerted in the window, and all clear when true")
  void endSummaryAllClear() throws Exception {
    probed("web1", ProbeResult.Status.OK, "");
    probed("web2", ProbeResult.Status.OK, "");
    run("start", Map.of("scope", "web", "duration", "2h", "reason", "rolling restart"));
    String id = fx.engine.maintenance().list().getFirst().id();
    fx.clock.advance(Duration.ofMinutes(2));
    fx.fire("host_down", Severity.CRITICAL, "web1", "web1 is down");
    MaintenanceDesk.of(context).sweep(); // the app's housekeeping notes it while it fires
    fx.clock.advance(Duration.ofMinutes(13));
    fx.clear("host_down", Severity.CRITICAL, "web1");
    fx.fire("host_down", Severity.CRITICAL, "db1", "db1 is down"); // not in scope
    fx.clock.advance(Duration.ofMinutes(15));
    probed("web1", ProbeResult.Status.OK, "");

    var reply = run("end", Map.of("id", id));

    var embed = reply.embed();
    assertThat(embed.title()).isEqualTo("✅ Maintenance ended: all clear");
    assertThat(embed.description()).startsWith("All clear: 2 targets green");
    assertThat(embed.fields())
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo("Alerted during the window (1)");
              assertThat(f.value()).isEqualTo("🔴 web1: web1 is down (10:02 → 10:15)");
            });
    assertThat(outlets.titles())
        .containsExactly("🔧 Maintenance started", "✅ Maintenance ended: all clear");
    assertThat(fx.engine.maintenance().list()).isEmpty();
    assertThat(annotations("end"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.time()).isEqualTo(fx.clock.instant());
              assertThat(p.field("text").toString())
                  .isEqualTo("1 alert fired during the window. All clear: 2 targets green.");
            });
    assertThat(audit.getLast().after()).contains("All clear: 2 targets green");
  }

  @Test
  @DisplayName("'/maintenance end' says what is still red instead of all clear")
  void endSummaryStillRed() {
    probed("web1", ProbeResult.Status.OK, "");
    probed("web2", ProbeResult.Status.OK, "");
    run("start", Map.of("scope", "web, db1", "duration", "2h", "reason", "rolling restart"));
    String id = fx.engine.maintenance().list().getFirst().id();
    fx.clock.advance(Duration.ofMinutes(2));
    fx.fire("http_down", Severity.CRITICAL, "web1", "http down");
    probed("web2", ProbeResult.Status.FAILED, "timeout after 2s");
    fx.clock.advance(Duration.ofMinutes(30));

    var reply = run("end", Map.of("id", id));

    var embed = reply.embed();
    assertThat(embed.title()).isEqualTo("⚠️ Maintenance ended: not all green");
    assertThat(embed.description())
        .startsWith(
            "Still red: web1 (http down since 10:02), web2 (ping failed: timeout after 2s)."
                + " Not probed yet: db1")
        .doesNotContain("All clear");
    assertThat(embed.fields())
        .anySatisfy(
            f -> assertThat(f.value()).isEqualTo("🔴 web1: http down (10:02, still firing)"));
    assertThat(outlets.announced.getLast().embeds().getFirst().description())
        .doesNotContain("All clear");
    assertThat(outlets.incidentLines)
        .anyMatch(l -> l.startsWith("web1: 🔧 Maintenance ended by alice: 1 alert fired"));
  }
}
