package io.ravenwatch.bot.command.failover;

import io.ravenwatch.bot.action.failover.ActiveNodes;
import io.ravenwatch.bot.action.failover.FailoverConfig;
import io.ravenwatch.bot.action.failover.FailoverSection;
import io.ravenwatch.bot.action.failover.ServicePlan;
import io.ravenwatch.bot.chat.BotContext;
import io.ravenwatch.bot.command.Format;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The active node of each failover service, for {@code /status}. */
public final class FailoverStatus {
  private FailoverStatus() {}

  /**
   * One line per failover service whose target is among {@code targets}, e.g. {@code cache:
   * **redis-b** active (failed over 5m ago by alice)}; empty without failover services.
   */
  public static List<String> lines(BotContext context, Collection<String> targets) {
    if (!context.config().sections().containsKey(FailoverSection.SECTION.key())) {
      return List.of();
    }
    FailoverConfig config = context.config().section(FailoverSection.SECTION);
    ActiveNodes active = ActiveNodes.in(context.config().dataDir());
    Instant now = context.clock().instant();
    var lines = new ArrayList<String>();
    for (ServicePlan plan : config.services().values()) {
      if (!targets.contains(plan.target())) {
        continue;
      }
      String node = active.active(plan);
      String since =
          active
              .get(plan.name())
              .filter(e -> e.node().equals(node) && e.since() != null)
              .map(e -> " (failed over " + Format.relative(e.since(), now) + " by " + e.by() + ")")
              .orElse(" (the configured primary)");
      lines.add(plan.name() + ": **" + node + "** active" + since);
    }
    return lines;
  }
}
