package io.ravenwatch.bot.command.failover;

import io.ravenwatch.bot.action.failover.ActiveNodes;
import io.ravenwatch.bot.action.failover.FailoverConfig;
import io.ravenwatch.bot.action.failover.ServicePlan;
import io.ravenwatch.bot.chat.CommandException;
import java.util.List;

/**
 * What a {@code /failover} invocation chose, among declared things only: a configured service, the
 * node active now, and the standby to make active (the named one, else the first in order).
 *
 * @param plan the service's plan
 * @param from the node active now
 * @param to the node to make active
 */
record Selection(ServicePlan plan, String from, String to) {

  /**
   * Resolves the options; anything not declared is refused with the valid names.
   *
   * @throws CommandException for an unknown service, an unknown target or the active node itself
   */
  static Selection of(FailoverConfig config, ActiveNodes active, String service, String to)
      throws CommandException {
    if (config.services().isEmpty()) {
      throw new CommandException("No failover services are configured (failover.services).");
    }
    ServicePlan plan =
        config
            .service(service)
            .orElseThrow(
                () ->
                    new CommandException(
                        "Unknown failover service `"
                            + cut(service)
                            + "`. Services: "
                            + String.join(", ", config.services().keySet())
                            + "."));
    String from = active.active(plan);
    List<String> candidates = plan.candidates(from);
    if (to == null) {
      return new Selection(plan, from, candidates.getFirst());
    }
    if (to.equals(from)) {
      throw new CommandException(
          "`"
              + to
              + "` is already the active node of "
              + plan.name()
              + ". Standbys: "
              + String.join(", ", candidates)
              + ".");
    }
    if (!candidates.contains(to)) {
      throw new CommandException(
          "`"
              + cut(to)
              + "` is not a node of "
              + plan.name()
              + ". Standbys: "
              + String.join(", ", candidates)
              + ".");
    }
    return new Selection(plan, from, to);
  }

  private static String cut(String s) {
    String plain = s.replaceAll("[`\\s]", "");
    return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
  }
}
