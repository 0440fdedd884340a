package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.config.OptionalKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code probes}: a check that runs an inventory target's probes once, now, and passes when every
 * one is OK. The target is the promoted node's target by default.
 *
 * <pre>{@code
 * post_checks:
 *   - {type: probes}                      # the target of "{{standby}}"
 *   - {type: probes, target: cache}       # the service as clients see it
 * }</pre>
 */
public final class ProbesCheck implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("probes", Settings.class, StepType.Endpoint.NONE, ProbesCheck::new);

  /**
   * @param target an inventory host or service; absent: the promoted node's target
   */
  public record Settings(@OptionalKey String target) {}

  private final Settings settings;

  ProbesCheck(Settings settings) {
    this.settings = settings;
  }

  private String target(StepContext c) {
    return settings.target() != null ? settings.target() : c.node(NodeRefs.STANDBY).target();
  }

  @Override
  public String describe(StepContext c) {
    return "Probes of " + target(c) + " pass";
  }

  @Override
  public StepResult run(StepContext c) throws InterruptedException {
    String target = target(c);
    if (target == null) {
      return StepResult.failed(c.standby() + " has no inventory target to probe");
    }
    List<ProbeResult> results = c.probes().runOnce(target);
    if (results.isEmpty()) {
      return StepResult.failed(target + " has no probes");
    }
    List<ProbeResult> failed = results.stream().filter(r -> !r.ok()).toList();
    String all =
        results.stream()
            .map(r -> r.probe() + " " + (r.ok() ? "ok" : r.reason()))
            .collect(Collectors.joining(", "));
    return failed.isEmpty()
        ? StepResult.ok(target + ": " + all)
        : StepResult.failed(failed.size() + " of " + results.size() + " probes failed", all);
  }
}
