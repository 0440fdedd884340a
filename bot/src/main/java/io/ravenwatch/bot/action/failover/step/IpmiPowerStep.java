package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.bot.action.failover.NodeConfig;
import io.ravenwatch.probes.config.OptionalKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ipmi_power}: fences a node through its BMC with {@code ipmitool -I lanplus … chassis power
 * off|cycle|reset|on} — a fixed argument list, no shell; the password reaches ipmitool through
 * {@code IPMI_PASSWORD} and {@code -E}, never its command line.
 *
 * <pre>{@code
 * - {type: ipmi_power, action: off}                 # node: "{{primary}}"
 * }</pre>
 */
public final class IpmiPowerStep implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("ipmi_power", Settings.class, StepType.Endpoint.IPMI, IpmiPowerStep::new);

  /** The chassis power actions a fencing step may take. */
  public enum Action {
    OFF,
    CYCLE,
    RESET,
    ON
  }

  /**
   * @param node the node to fence ({@code {{primary}}} when absent)
   * @param action what to do to its power
   */
  public record Settings(@OptionalKey String node, Action action) implements NodeStep {
    public Settings {
      node = node == null ? NodeRefs.PRIMARY : node;
    }
  }

  private final Settings settings;

  IpmiPowerStep(Settings settings) {
    this.settings = settings;
  }

  private String action() {
    return settings.action().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String describe(StepContext c) {
    return "IPMI: chassis power " + action() + " of " + c.nodeName(settings.node());
  }

  @Override
  public StepResult run(StepContext c) throws InterruptedException {
    String name = c.nodeName(settings.node());
    NodeConfig.Ipmi bmc = c.node(settings.node()).ipmi();
    List<String> argv =
        List.of(
            bmc.ipmitool(),
            "-I",
            "lanplus",
            "-C",
            Integer.toString(bmc.cipherSuite()),
            "-N",
            Long.toString(Math.max(1, bmc.retryTimeout().toSeconds())),
            "-R",
            Integer.toString(bmc.retries()),
            "-H",
            bmc.host(),
            "-p",
            Integer.toString(bmc.port()),
            "-U",
            bmc.user(),
            "-E",
            "chassis",
            "power",
            action());
    String password = bmc.password().reveal();
    Processes.Run run =
        Processes.run(argv, Map.of("IPMI_PASSWORD", password), List.of(password), c.timeout());
    if (!run.problem().isEmpty()) {
      return StepResult.failed("ipmitool for " + name + ": " + run.problem());
    }
    if (run.exitCode() != 0) {
      return StepResult.failed(
          "ipmitool for " + name + " exited with " + run.exitCode() + ": " + run.lastLine());
    }
    return StepResult.ok(name + " BMC " + bmc.host() + ": " + run.lastLine());
  }
}
