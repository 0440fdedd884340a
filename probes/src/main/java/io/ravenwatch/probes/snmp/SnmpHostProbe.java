package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.Default;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Host metrics over SNMP, in Telegraf's schema: {@code system} (uptime, load, n_cpus), {@code cpu}
 * (hrProcessorLoad per processor and {@code cpu-total}), {@code mem} (bytes) and, unless turned
 * off, {@code interface} (ifTable + ifXTable), plus an {@code snmp} point whose {@code result_code}
 * says whether the agent answered.
 *
 * <p>One poll is two requests in flight at once: a GET of every scalar and one GETBULK walk of all
 * table columns (more pages only for hosts with more than 25 interfaces).
 *
 * <pre>{@code
 * probes:
 *   - type: snmp
 *     interfaces: false   # default true
 * }</pre>
 */
public final class SnmpHostProbe implements Probe {

  /**
   * Settings of the {@code snmp} probe type.
   *
   * @param interfaces whether to walk IF-MIB's interface table (counters, status) too
   */
  public record Settings(@Default("true") boolean interfaces) {}

  public static final ProbeType<Settings> TYPE =
      new ProbeType<>(
          "snmp",
          Settings.class,
          Set.of(ProbeType.Requirement.ADDRESS, ProbeType.Requirement.SNMP),
          SnmpHostProbe::new);

  private final SnmpPoll poll;
  private final boolean interfaces;
  private final List<OID> scalars;
  private final List<OID> columns;
  // Rows the last walk returned, plus one: next poll's GETBULK size, so it ends just past the
  // table.
  private int expectedRows = SnmpClient.MAX_REPETITIONS;

  public SnmpHostProbe(Target target, Settings settings) {
    this.poll = new SnmpPoll(target);
    this.interfaces = settings.interfaces();
    this.scalars = HostMib.scalars(poll.version());
    this.columns = HostMib.columns(poll.version(), interfaces);
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    SnmpClient client = ctx.resources().snmp();
    SnmpEndpoint endpoint = poll.endpoint(ctx);
    CompletableFuture<Map<OID, Variable>> get = client.get(endpoint, scalars);
    CompletableFuture<SnmpTable> walk = client.walk(endpoint, columns, expectedRows);
    SnmpFailure failure = poll.await(ctx, get, walk);
    if (failure != null) {
      return SnmpPoll.failed(ctx, started, failure);
    }
    Duration elapsed = Duration.between(started, ctx.clock().instant());
    Map<OID, Variable> values = get.resultNow();
    if (!values.containsKey(HostMib.SYS_UPTIME)) {
      var noView =
          new SnmpFailure(
              SnmpFailure.Kind.AGENT_ERROR,
              "the agent answered without sysUpTime: check what its view allows this user");
      return SnmpPoll.failed(ctx, started, noView);
    }
    SnmpTable table = walk.resultNow();
    expectedRows = table.rows().size() + 1;
    var points = new ArrayList<Point>();
    points.add(SnmpPoll.status(ctx, started, null, elapsed));
    points.add(HostMib.system(ctx, started, values, table));
    points.addAll(HostMib.cpu(ctx, started, table));
    Point mem = HostMib.mem(ctx, started, values);
    if (mem != null) {
      points.add(mem);
    }
    if (interfaces) {
      points.addAll(HostMib.interfaces(ctx, started, table, poll.version()));
    }
    return ctx.ok(started, points);
  }
}
