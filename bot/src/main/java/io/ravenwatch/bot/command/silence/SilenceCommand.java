package io.ravenwatch.bot.command.silence;

import io.ravenwatch.alerts.engine.AlertEngine;
import io.ravenwatch.alerts.lifecycle.AlertRecord;
import io.ravenwatch.alerts.silence.Matcher;
import io.ravenwatch.alerts.silence.Silence;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.chat.Reply;
import io.ravenwatch.bot.command.Completions;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.LiveAlerts;
import io.ravenwatch.probes.api.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /silence add|list|remove}: mutes alerts matching Alertmanager-style label matchers for a
 * while. The alert message's Silence buttons ({@code cmd:silence:<fingerprint>:<1h|4h|resolved>})
 * silence that one alert (its {@code alertname}, {@code source} and series labels) for 1 h, 4 h or
 * until it resolves (see {@link UntilResolved}).
 */
public final class SilenceCommand implements Command {
  static final String MATCHERS = "matchers";
  static final String DURATION = "duration";
  static final String UNTIL = "until";
  static final String COMMENT = "comment";
  static final String ID = "id";

  private final BotContext context;

  public SilenceCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    var none = OptionSpec.Completion.NONE;
    var add =
        new CommandSpec(
            "add",
            "Silence the alerts matching labels for a while",
            Capability.SILENCE,
            false,
            false,
            List.of(
                OptionSpec.required(
                    MATCHERS, "Label matchers, e.g. source=web1,alertname=~disk.*", none),
                OptionSpec.required(COMMENT, "Why (shown to everyone)", none),
                OptionSpec.optional(DURATION, "How long: 30m, 1h, 2d (at most 30d)", none),
                OptionSpec.optional(
                    UNTIL, "Or until when: an ISO time, e.g. 2026-11-23T08:00Z", none)),
            List.of());
    var list =
        new CommandSpec(
            "list",
            "Active and pending silences",
            Capability.VIEW,
            false,
            false,
            List.of(),
            List.of());
    var remove =
        new CommandSpec(
            "remove",
            "End a silence now",
            Capability.SILENCE,
            false,
            false,
            List.of(OptionSpec.required(ID, "The silence", OptionSpec.Completion.SILENCE)),
            List.of());
    return new CommandSpec(
        "silence",
        "Silence alerts",
        Capability.VIEW,
        false,
        false,
        List.of(),
        List.of(add, list, remove));
  }

  @Override
  public void handle(Invocation invocation) throws CommandException {
    AlertEngine engine = context.alertEngine();
    UntilResolved.sweep(engine);
    ChatMessage answer =
        switch (invocation.subcommand()) {
          case "add" -> add(engine, invocation);
          case "list" -> list(engine);
          case "remove" -> remove(engine, invocation);
          default ->
              throw new CommandException("Use /silence add, /silence list or /silence remove.");
        };
    invocation.reply().send(answer);
  }

  private ChatMessage add(AlertEngine engine, Invocation invocation) throws CommandException {
    List<Matcher> matchers =
        MatcherParser.parse(
            invocation
                .option(MATCHERS)
                .orElseThrow(() -> new CommandException("Give the matchers, e.g. `source=web1`.")));
    String comment =
        invocation
            .option(COMMENT)
            .map(String::strip)
            .orElseThrow(() -> new CommandException("Say why in a comment: others will ask."));
    Instant now = context.clock().instant();
    Instant end =
        SilenceTimes.end(
            invocation.option(DURATION).orElse(null), invocation.option(UNTIL).orElse(null), now);
    Silence s = engine.silences().add(matchers, now, end, invocation.caller().name(), comment);
    return created(engine, s, now);
  }

  private ChatMessage created(AlertEngine engine, Silence s, Instant now) {
    long muted =
        engine.alerts().stream().filter(a -> a.state().active() && s.matches(a.labels())).count();
    String desc =
        "`"
            + Limits.cut(matchers(s), 1000)
            + "`\nuntil "
            + s.endsAt()
            + " ("
            + Format.relative(s.endsAt(), now)
            + ")\n> "
            + Limits.cut(s.comment(), 1000)
            + "\n\nMutes "
            + muted
            + (muted == 1 ? " active alert" : " active alerts")
            + " now. Id: `"
            + s.id()
            + "`";
    return ChatMessage.of(
        new ChatMessage.Embed(
            Limits.cut("🔇 " + s.createdBy() + " added a silence", Limits.TITLE),
            desc,
            Format.GREY,
            List.of(),
            "",
            "",
            now,
            ""));
  }

  private ChatMessage list(AlertEngine engine) {
    Instant now = context.clock().instant();
    List<Silence> all = engine.silences().list();
    var lines = new ArrayList<String>();
    for (Silence s : all) {
      String when =
          s.activeAt(now)
              ? "active, ends " + Format.relative(s.endsAt(), now)
              : "pending, starts " + Format.relative(s.startsAt(), now);
      lines.add(
          "`"
              + s.id()
              + "` `"
              + Limits.cut(matchers(s), 200)
              + "` · "
              + when
              + " · "
              + s.createdBy()
              + ": "
              + Limits.cut(s.comment(), 200));
    }
    return ChatMessage.of(
        new ChatMessage.Embed(
            "Silences (" + all.size() + ")",
            all.isEmpty()
                ? "No active or pending silence."
                : Limits.lines(lines, Limits.DESCRIPTION),
            Format.GREY,
            List.of(),
            "",
            "",
            now,
            ""));
  }

  private ChatMessage remove(AlertEngine engine, Invocation invocation) throws CommandException {
    String id =
        invocation
            .option(ID)
            .map(String::strip)
            .orElseThrow(() -> new CommandException("Give the silence id."));
    boolean live = engine.silences().list().stream().anyMatch(s -> s.id().equals(id));
    if (!live) {
      throw new CommandException("No active or pending silence `" + Limits.cut(id, 60) + "`.");
    }
    Silence s = engine.silences().expire(id).orElseThrow();
    return ChatMessage.text(
        "🔊 "
            + invocation.caller().name()
            + " ended silence `"
            + s.id()
            + "` (`"
            + Limits.cut(matchers(s), 1000)
            + "`).");
  }

  @Override
  public void onButton(Caller caller, String payload, Reply reply) throws CommandException {
    int colon = payload.lastIndexOf(':');
    if (colon < 0) {
      throw new CommandException("This button is not handled any more.");
    }
    String fingerprint = payload.substring(0, colon);
    String how = payload.substring(colon + 1);
    AlertEngine engine = context.alertEngine();
    AlertRecord alert =
        LiveAlerts.of(engine)
            .find(fingerprint)
            .orElseThrow(() -> new CommandException("That alert is not active any more."));
    Instant now = context.clock().instant();
    String summary = LiveAlerts.summary(alert);
    Silence s =
        switch (how) {
          case "1h", "4h" ->
              engine
                  .silences()
                  .add(
                      matchersOf(alert),
                      now,
                      now.plus(SilenceTimes.duration(how)),
                      caller.name(),
                      "Silenced for " + how + " from the alert: " + summary);
          case "resolved" ->
              engine
                  .silences()
                  .add(
                      matchersOf(alert),
                      now,
                      now.plus(SilenceTimes.MAX),
                      caller.name(),
                      UntilResolved.comment(summary, fingerprint));
          default -> throw new CommandException("This button is not handled any more.");
        };
    reply.send(created(engine, s, now));
  }

  /**
   * Exact matchers for one alert: {@code alertname}, {@code source} and the labels that tell its
   * series apart (a disk's path, a sensor's name) — not the target's inventory tags nor the
   * severity, so the silence holds when a tag is edited or the severity changes.
   */
  List<Matcher> matchersOf(AlertRecord alert) {
    String source = LiveAlerts.target(alert);
    Set<String> targetTags =
        context.inventory().find(source).map(Target::pointTags).map(Map::keySet).orElse(Set.of());
    var out = new ArrayList<Matcher>();
    alert
        .labels()
        .map()
        .forEach(
            (k, v) -> {
              boolean skip =
                  k.equals("severity") || (targetTags.contains(k) && !k.equals("source"));
              if (!skip) {
                out.add(Matcher.eq(k, v));
              }
            });
    return out;
  }

  static String matchers(Silence s) {
    return s.matchers().stream().map(Matcher::toString).collect(Collectors.joining(","));
  }

  @Override
  public List<Suggestion> suggest(String option, String typed, Map<String, String> given) {
    if (!ID.equals(option) || context.alerts() == null) {
      return List.of();
    }
    return Completions.suggest(
        context.alerts().silences().list().stream()
            .map(s -> new Suggestion(matchers(s) + " — " + s.comment(), s.id()))
            .toList(),
        typed);
  }

  @Override
  public List<String> complete(String option, String typed) {
    return suggest(option, typed, Map.of()).stream().map(Suggestion::value).toList();
  }
}
