package io.ravenwatch.bot.command.probe;

import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.command.Completions;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import io.ravenwatch.bot.command.Scope;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /probe <target>}: runs every probe of a target now (fresh probe instances, beside the
 * scheduled ones) and shows each result: status, duration, reason and the key fields of its points.
 * One field per probe, a few probes per embed, inside Discord's limits.
 */
public final class ProbeCommand implements Command {
  static final String TARGET = "target";
  static final int PROBES_PER_EMBED = 8;
  private static final int POINTS_SHOWN = 3;
  private static final int FIELDS_SHOWN = 4;

  /** Tags that are the target's own, the same on every point: not worth repeating. */
  private static final Set<String> BORING = Set.of("source", "region", "group", "role");

  private final BotContext context;

  public ProbeCommand(BotContext context) {
    this.context = context;
  }

  @Override
  public CommandSpec spec() {
    return CommandSpec.of(
            "probe",
            "Run a target's probes now",
            Capability.VIEW,
            OptionSpec.required(TARGET, "The host or service", OptionSpec.Completion.TARGET))
        .slowly();
  }

  @Override
  public void handle(Invocation invocation) throws CommandException, InterruptedException {
    Target target = Scope.target(context.inventory(), invocation.option(TARGET).orElse(null));
    if (target.probes().isEmpty()) {
      throw new CommandException(target.name() + " has no probes.");
    }
    List<ProbeResult> results = context.scheduler().runOnce(target);
    invocation.reply().send(render(target, results));
  }

  ChatMessage render(Target target, List<ProbeResult> results) {
    long failed = results.stream().filter(r -> !r.ok()).count();
    int chunks =
        Math.min(Limits.EMBEDS, (results.size() + PROBES_PER_EMBED - 1) / PROBES_PER_EMBED);
    int shown = Math.min(results.size(), chunks * PROBES_PER_EMBED);
    // Share the message's 6,000 characters among the probes shown, titles and footer aside.
    int perField = Math.min(Limits.FIELD_VALUE, (Limits.TOTAL - 600) / Math.max(1, shown) - 80);
    var embeds = new ArrayList<ChatMessage.Embed>();
    for (int c = 0; c < chunks; c++) {
      var fields = new ArrayList<ChatMessage.Field>();
      for (int i = c * PROBES_PER_EMBED; i < Math.min(shown, (c + 1) * PROBES_PER_EMBED); i++) {
        fields.add(field(results.get(i), perField));
      }
      boolean first = c == 0;
      boolean last = c == chunks - 1;
      String title =
          first
              ? Limits.cut(
                  target.name()
                      + ": "
                      + (failed == 0
                          ? "all " + results.size() + " probes ok"
                          : failed + " of " + results.size() + " probes failed"),
                  Limits.TITLE)
              : "";
      String footer =
          last && shown < results.size() ? "+" + (results.size() - shown) + " more probes" : "";
      embeds.add(
          new ChatMessage.Embed(
              title,
              "",
              failed == 0 ? Format.GREEN : Format.RED,
              fields,
              footer,
              "",
              last ? context.clock().instant() : null,
              ""));
    }
    return new ChatMessage("", embeds, List.of(), List.of(), false);
  }

  private static ChatMessage.Field field(ProbeResult r, int max) {
    String icon =
        switch (r.status()) {
          case OK -> "✅";
          case FAILED -> "❌";
          case TIMED_OUT -> "⏱️";
        };
    String name =
        icon
            + " "
            + r.probe()
            + (r.probe().equals(r.type()) ? "" : " (" + r.type() + ")")
            + " · "
            + Format.elapsed(r.elapsed());
    var lines = new ArrayList<String>();
    if (!r.reason().isEmpty()) {
      lines.add(r.reason());
    }
    for (Point p : r.points().stream().limit(POINTS_SHOWN).toList()) {
      lines.add(describe(p));
    }
    if (r.points().size() > POINTS_SHOWN) {
      lines.add("+" + (r.points().size() - POINTS_SHOWN) + " more points");
    }
    if (lines.isEmpty()) {
      lines.add(Format.lower(r.status()));
    }
    return new ChatMessage.Field(
        Limits.cut(name, Limits.FIELD_NAME), Limits.lines(lines, Math.max(20, max)), false);
  }

  /** {@code disk{path=/} used_percent=41.2, free=…}: the series tags and the first few fields. */
  static String describe(Point p) {
    String tags =
        p.tags().entrySet().stream()
            .filter(e -> !BORING.contains(e.getKey()))
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    String fields =
        p.fields().entrySet().stream()
            .limit(FIELDS_SHOWN)
            .map(e -> e.getKey() + "=" + value(e.getValue()))
            .collect(Collectors.joining(", "));
    String more = p.fields().size() > FIELDS_SHOWN ? ", …" : "";
    return p.measurement() + (tags.isEmpty() ? "" : "{" + tags + "}") + " " + fields + more;
  }

  private static String value(Object v) {
    return v instanceof Double d
        ? String.format(java.util.Locale.ROOT, "%.4g", d)
        : String.valueOf(v);
  }

  @Override
  public List<String> complete(String option, String typed) {
    return TARGET.equals(option) ? Completions.targets(context.inventory(), typed) : List.of();
  }
}
