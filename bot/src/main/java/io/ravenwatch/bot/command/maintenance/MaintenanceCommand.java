package io.ravenwatch.bot.command.maintenance;

import io.ravenwatch.alerts.maintenance.MaintenanceWindow;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatMessage.Field;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.command.Completions;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /maintenance start|schedule|end|list}: opens a maintenance window now, schedules one, ends
 * one, lists them. A window mutes the alerts about everything in its scope (targets, groups,
 * regions of the inventory — nothing else is accepted), so starting, scheduling and ending are
 * confirmed by the same user after seeing the plan (scope, how many targets, times, reason). What
 * is announced, annotated and summed up is {@link MaintenanceDesk}'s work.
 */
public final class MaintenanceCommand implements Command {
  static final String SCOPE = "scope";
  static final String REASON = "reason";
  static final String START = "start";
  static final String DURATION = "duration";
  static final String UNTIL = "until";
  static final String ID = "id";

  private final BotContext context;

  public MaintenanceCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    var none = OptionSpec.Completion.NONE;
    var scope =
        OptionSpec.required(
            SCOPE,
            "Targets, groups or regions, comma-separated, e.g. web1, db",
            OptionSpec.Completion.TARGET_GROUP_REGION);
    var reason = OptionSpec.required(REASON, "Why (announced to everyone)", none);
    var duration = OptionSpec.optional(DURATION, "How long: 30m, 2h, 1d (at most 30d)", none);
    var until =
        OptionSpec.optional(UNTIL, "Or until when: an ISO time, e.g. 2026-11-23T08:00Z", none);
    var start =
        new CommandSpec(
            "start",
            "Open a maintenance window now: alerts in scope are muted",
            Capability.MAINTENANCE,
            true,
            false,
            List.of(scope, reason, duration, until),
            List.of());
    var schedule =
        new CommandSpec(
            "schedule",
            "Schedule a maintenance window (announced, with a Discord event)",
            Capability.MAINTENANCE,
            true,
            false,
            List.of(
                scope,
                OptionSpec.required(
                    START, "When it opens: an ISO time, e.g. 2026-11-23T22:00Z", none),
                reason,
                duration,
                until),
            List.of());
    var end =
        new CommandSpec(
            "end",
            "End a maintenance window now (or cancel a scheduled one), with a summary",
            Capability.MAINTENANCE,
            true,
            false,
            List.of(OptionSpec.required(ID, "The window", OptionSpec.Completion.WINDOW)),
            List.of());
    var list =
        new CommandSpec(
            "list",
            "Open and scheduled maintenance windows",
            Capability.VIEW,
            false,
            false,
            List.of(),
            List.of());
    return new CommandSpec(
        "maintenance",
        "Maintenance windows",
        Capability.VIEW,
        false,
        false,
        List.of(),
        List.of(start, schedule, end, list));
  }

  @Override
  public ChatMessage plan(Invocation inv) throws CommandException {
    MaintenanceDesk desk = MaintenanceDesk.of(context);
    Instant now = context.clock().instant();
    return switch (inv.subcommand()) {
      case "start", "schedule" -> {
        WindowRequest r = request(inv, now, true);
        int targets = desk.covered(preview(r, now)).size();
        String verb = inv.subcommand().equals("start") ? "Open" : "Schedule";
        var fields =
            List.of(
                new Field(
                    "Scope",
                    Limits.cut(r.label() + " (" + plural(targets, "target") + ")", 1024),
                    false),
                new Field("When", Times.span(r.start(), r.end()), false),
                new Field("Reason", Limits.cut(r.reason(), 1024), false));
        String what =
            "Alerts about "
                + plural(targets, "target")
                + " will be muted "
                + (inv.subcommand().equals("start") ? "from now" : "from " + Times.at(r.start()))
                + " until "
                + Times.at(r.end())
                + ". Announced in the announcements channel"
                + (inv.subcommand().equals("schedule") ? ", with a Discord event." : ".");
        yield ChatMessage.of(
            new ChatMessage.Embed(
                verb + " a maintenance window?", what, Format.ORANGE, fields, "", "", now, ""));
      }
      case "end" -> {
        MaintenanceWindow w = desk.find(id(inv));
        boolean pending = w.start().isAfter(now);
        String what =
            pending
                ? "Cancel this window before it starts (" + Times.at(w.start()) + ")."
                : "End this window now (planned until "
                    + Times.at(w.end())
                    + "): alerts about its "
                    + plural(desk.covered(w).size(), "target")
                    + " notify again, and a summary is announced.";
        yield ChatMessage.of(
            new ChatMessage.Embed(
                (pending ? "Cancel" : "End") + " maintenance: " + Limits.cut(w.reason(), 200) + "?",
                what,
                Format.ORANGE,
                List.of(
                    new Field("Scope", Limits.cut(WindowRequest.label(w.scope()), 1024), false),
                    new Field("When", Times.span(w.start(), w.end()), false),
                    new Field("By", Limits.cut(w.createdBy(), 256), true)),
                "window " + w.id(),
                "",
                now,
                ""));
      }
      default -> throw new CommandException("/maintenance " + inv.subcommand() + " runs at once.");
    };
  }

  @Override
  public void handle(Invocation inv) throws CommandException {
    MaintenanceDesk desk = MaintenanceDesk.of(context);
    Instant now = context.clock().instant();
    String by = inv.caller().name();
    switch (inv.subcommand()) {
      case "start" -> {
        WindowRequest r = request(inv, now, false);
        MaintenanceWindow w = desk.open(r, by);
        int targets = desk.covered(w).size();
        inv.reply()
            .recordState(
                "no window of " + by + " on " + r.label(),
                "window "
                    + w.id()
                    + " open until "
                    + Times.at(w.end())
                    + ", "
                    + plural(targets, "target")
                    + " muted");
        inv.reply().send(WindowCards.started(w, targets, now));
      }
      case "schedule" -> {
        WindowRequest r = request(inv, now, false);
        MaintenanceWindow w = desk.schedule(r, by);
        int targets = desk.covered(w).size();
        inv.reply()
            .recordState(
                "no window of " + by + " on " + r.label(),
                "window "
                    + w.id()
                    + " scheduled "
                    + Times.span(w.start(), w.end())
                    + ", "
                    + plural(targets, "target"));
        inv.reply().send(WindowCards.scheduled(w, targets, now));
      }
      case "end" -> {
        String id = id(inv);
        MaintenanceWindow before = desk.find(id);
        String was =
            "window "
                + id
                + (before.start().isAfter(now) ? " scheduled " : " open ")
                + Times.span(before.start(), before.end());
        MaintenanceDesk.Ended ended = desk.end(id, by);
        if (ended.summary() == null) {
          inv.reply().recordState(was, "cancelled");
          inv.reply()
              .send(
                  WindowCards.cancelled(
                      ended.window(), by, desk.covered(ended.window()).size(), now));
        } else {
          inv.reply().recordState(was, "ended; " + ended.summary().text());
          inv.reply().send(WindowCards.ended(ended.window(), ended.summary(), by, now));
        }
      }
      case "list" -> inv.reply().send(list(desk, now));
      default -> throw new CommandException("Use /maintenance start, schedule, end or list.");
    }
  }

  private ChatMessage list(MaintenanceDesk desk, Instant now) {
    List<MaintenanceWindow> windows = desk.list();
    var lines = new ArrayList<String>();
    for (MaintenanceWindow w : windows) {
      String state =
          w.recurring()
              ? "recurring `" + w.cron() + "`"
              : (w.isOpen(now)
                      ? "🔧 open, ends " + Format.relative(w.end(), now)
                      : "🗓 starts " + Format.relative(w.start(), now))
                  + " · "
                  + Times.span(w.start(), w.end());
      lines.add(
          "`"
              + w.id()
              + "` "
              + Limits.cut(WindowRequest.label(w.scope()), 200)
              + " · "
              + state
              + " · "
              + w.createdBy()
              + ": "
              + Limits.cut(w.reason(), 200));
    }
    return ChatMessage.of(
        new ChatMessage.Embed(
            "Maintenance windows (" + windows.size() + ")",
            windows.isEmpty()
                ? "No open or scheduled maintenance window."
                : Limits.lines(lines, Limits.DESCRIPTION),
            Format.GREY,
            List.of(),
            "",
            "",
            now,
            ""));
  }

  private WindowRequest request(Invocation inv, Instant now, boolean strict)
      throws CommandException {
    return WindowRequest.parse(
        context.inventory(),
        inv.option(SCOPE).orElse(null),
        inv.subcommand().equals("schedule")
            ? inv.option(START)
                .orElseThrow(
                    () -> new CommandException("Give the start, e.g. `2026-11-23T22:00Z`."))
            : null,
        inv.option(DURATION).orElse(null),
        inv.option(UNTIL).orElse(null),
        inv.option(REASON).orElse(null),
        now,
        strict);
  }

  private static String id(Invocation inv) throws CommandException {
    return inv.option(ID)
        .map(String::strip)
        .orElseThrow(() -> new CommandException("Give the window's id (see /maintenance list)."));
  }

  /** A window not yet saved, to count what a request covers. */
  private static MaintenanceWindow preview(WindowRequest r, Instant now) {
    return new MaintenanceWindow(
        "preview", r.reason(), r.scope(), r.start(), r.end(), null, null, null, "", now);
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  @Override
  public List<Suggestion> suggest(String option, String typed, Map<String, String> given) {
    String t = typed == null ? "" : typed;
    if (SCOPE.equals(option)) {
      // A comma-separated list: complete its last name, keep the names before it.
      int comma = t.lastIndexOf(',');
      String head = comma < 0 ? "" : t.substring(0, comma + 1).strip() + " ";
      String last = comma < 0 ? t : t.substring(comma + 1);
      return Completions.scopes(context.inventory(), last).stream()
          .map(name -> head + name)
          .filter(v -> v.length() <= Limits.SUGGESTION)
          .map(v -> new Suggestion(v, v))
          .toList();
    }
    if (ID.equals(option) && context.alerts() != null) {
      return Completions.suggest(
          context.alerts().maintenance().list().stream()
              .filter(w -> !w.recurring())
              .map(
                  w ->
                      new Suggestion(
                          WindowRequest.label(w.scope())
                              + " — "
                              + w.reason()
                              + " — "
                              + Times.span(w.start(), w.end()),
                          w.id()))
              .toList(),
          t);
    }
    return List.of();
  }

  @Override
  public List<String> complete(String option, String typed) {
    return suggest(option, typed, Map.of()).stream().map(Suggestion::value).toList();
  }
}
