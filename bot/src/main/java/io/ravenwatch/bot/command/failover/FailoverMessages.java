package io.ravenwatch.bot.command.failover;

import io.ravenwatch.bot.action.failover.FailoverReport;
import io.ravenwatch.bot.action.failover.PreconditionCheck;
import io.ravenwatch.bot.action.failover.StepRun;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.command.Format;
import io.ravenwatch.bot.command.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How {@code /failover} looks in the chat: the plan, the progress, the outcome. */
final class FailoverMessages {
  private FailoverMessages() {}

  static ChatMessage plan(
      Selection s,
      List<PreconditionCheck.State> states,
      List<StepRun> steps,
      List<StepRun> checks,
      boolean dryRun,
      Instant now) {
    var lines = new ArrayList<String>();
    lines.add("From **" + s.from() + "** (active now) to **" + s.to() + "**.");
    lines.add("");
    lines.add("**Preconditions**");
    if (states.isEmpty()) {
      lines.add("none");
    }
    for (PreconditionCheck.State st : states) {
      lines.add((st.met() ? "✅ " : "❌ ") + st.what() + " — " + st.detail());
    }
    lines.add("");
    lines.add("**Steps** (stops at the first that fails)");
    steps.forEach(r -> lines.add(r.number() + ". " + r.description()));
    lines.add("");
    lines.add("**Post-checks**");
    if (checks.isEmpty()) {
      lines.add("none");
    }
    checks.forEach(r -> lines.add(r.number() + ". " + r.description()));
    boolean met = PreconditionCheck.allMet(states);
    String footer =
        dryRun
            ? "Dry run: nothing was run."
            : met ? "" : "Preconditions not met: confirming will not run it.";
    String title = (dryRun ? "Dry run — failover plan: " : "Failover plan: ") + s.plan().name();
    return ChatMessage.of(
        new ChatMessage.Embed(
            Limits.cut(title, Limits.TITLE),
            Limits.lines(lines, Limits.DESCRIPTION),
            met ? Format.ORANGE : Format.RED,
            List.of(),
            footer,
            "",
            now,
            ""));
  }

  static ChatMessage progress(FailoverReport r, String by, Instant now) {
    var lines = new ArrayList<String>();
    lines.add("From **" + r.from() + "** to **" + r.to() + "**, run by " + by + ".");
    lines.add("");
    lines.add("**Steps**");
    r.steps().forEach(s -> lines.add(s.line()));
    if (!r.checks().isEmpty()) {
      lines.add("");
      lines.add("**Post-checks**");
      r.checks().forEach(s -> lines.add(s.line()));
    }
    boolean finished =
        java.util.stream.Stream.concat(r.steps().stream(), r.checks().stream())
            .noneMatch(FailoverMessages::open);
    String title;
    int color;
    if (!finished) {
      title = "Failing over " + r.service() + "…";
      color = Format.BLUE;
    } else if (r.ok()) {
      title = "Failover of " + r.service() + " done: " + r.to() + " is active";
      color = Format.GREEN;
    } else if (r.stepsOk()) {
      title = "Failover of " + r.service() + " done, post-checks failed";
      color = Format.ORANGE;
    } else {
      title =
          "Failover of "
              + r.service()
              + " stopped at step "
              + r.failedStep().orElseThrow().number();
      color = Format.RED;
    }
    String footer = finished ? Limits.cut(r.summary(), Limits.FOOTER) : "";
    return ChatMessage.of(
        new ChatMessage.Embed(
            Limits.cut(title, Limits.TITLE),
            Limits.lines(lines, Limits.DESCRIPTION),
            color,
            List.of(),
            footer,
            "",
            now,
            ""));
  }

  private static boolean open(StepRun r) {
    return r.state() == StepRun.State.PENDING || r.state() == StepRun.State.RUNNING;
  }
}
