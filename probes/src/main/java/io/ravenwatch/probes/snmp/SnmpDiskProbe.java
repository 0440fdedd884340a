package io.ravenwatch.probes.snmp;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Disk usage over SNMP as Telegraf {@code disk} points (bytes), from dskTable ({@code disk PATH}
 * lines in snmpd.conf: device and inode usage) and hrStorageTable's fixed disks, plus an {@code
 * snmp} point. One GETBULK walk of both tables per poll.
 *
 * <p>A type of its own rather than part of {@code snmp}, so disks get their own interval: space
 * changes slowly and a minute or five is plenty, while load and traffic want seconds.
 *
 * <pre>{@code
 * probes:
 *   - type: snmp_disk
 *     interval: 5m
 * }</pre>
 */
public final class SnmpDiskProbe implements Probe {

  /** Settings of the {@code snmp_disk} probe type: none. */
  public record Settings() {}

  public static final ProbeType<Settings> TYPE =
      new ProbeType<>(
          "snmp_disk",
          Settings.class,
          Set.of(ProbeType.Requirement.ADDRESS, ProbeType.Requirement.SNMP),
          SnmpDiskProbe::new);

  private final SnmpPoll poll;
  // Rows the last walk returned, plus one: next poll's GETBULK size, so it ends just past the
  // table.
  private int expectedRows = SnmpClient.MAX_REPETITIONS;

  public SnmpDiskProbe(Target target, Settings settings) {
    this.poll = new SnmpPoll(target);
  }

  @Override
  public ProbeResult run(ProbeContext ctx) throws InterruptedException {
    Instant started = ctx.clock().instant();
    CompletableFuture<SnmpTable> walk =
        ctx.resources().snmp().walk(poll.endpoint(ctx), DiskMib.COLUMNS, expectedRows);
    SnmpFailure failure = poll.await(ctx, walk);
    if (failure != null) {
      return SnmpPoll.failed(ctx, started, failure);
    }
    Duration elapsed = Duration.between(started, ctx.clock().instant());
    SnmpTable table = walk.resultNow();
    expectedRows = table.rows().size() + 1;
    List<Point> disks = DiskMib.disks(ctx, started, table);
    var points = new ArrayList<Point>(disks.size() + 1);
    points.add(SnmpPoll.status(ctx, started, null, elapsed));
    points.addAll(disks);
    if (disks.isEmpty()) {
      return ctx.failed(
          started,
          "the agent reports no disks (no dskTable rows, no hrStorageFixedDisk rows)",
          points);
    }
    return ctx.ok(started, points);
  }
}
