package io.ravenwatch.probes.ipmi;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.Probe;
import io.ravenwatch.probes.api.ProbeContext;
import io.ravenwatch.probes.api.ProbeResult;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.api.SnmpCredentials;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.ipmi.IpmiProfile.Code;
import io.ravenwatch.probes.ipmi.IpmiProfile.SensorTable;
import io.ravenwatch.probes.snmp.SnmpClient;
import io.ravenwatch.probes.snmp.SnmpEndpoint;
import io.ravenwatch.probes.snmp.SnmpFailure;
import io.ravenwatch.probes.snmp.SnmpTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OID;

/**
 * Reads a BMC's sensors over SNMP as Telegraf's {@code ipmi_sensor} measurement, following a vendor
 * {@link IpmiProfile}: one point per sensor with tags {@code name}, {@code unit}, {@code
 * status_code} ({@code ok}/{@code warning}/{@code critical}), {@code status_desc} (the vendor's
 * word), {@code entity_id} and the target's tags, and fields {@code value} (scaled) and {@code
 * status} (1 ok, 0 otherwise). Every table of the profile is walked with GETBULK concurrently.
 *
 * <pre>{@code
 * probes:
 *   - type: ipmi_sensor
 *     profile: dell-idrac     # default: entity-sensor
 * }</pre>
 */
public final class IpmiSensorProbe implements Probe {
  private static final Logger logger = LoggerFactory.getLogger(IpmiSensorProbe.class);

  /** The profile used when the settings name none: the standard ENTITY-SENSOR-MIB. */
  public static final String DEFAULT_PROFILE = "entity-sensor";

  /**
   * Settings of an {@code ipmi_sensor} probe.
   *
   * @param profile the vendor profile's name; {@value #DEFAULT_PROFILE} when absent
   */
  public record Settings(@OptionalKey String profile) {}

  /** The type with the shipped profiles only. */
  public static final ProbeType<Settings> TYPE = type(IpmiProfiles::builtIn);

  /** The type with the given profiles, e.g. {@code builtIn().withDirectory(dir)}. */
  public static ProbeType<Settings> type(Supplier<IpmiProfiles> profiles) {
    return new ProbeType<>(
        "ipmi_sensor",
        Settings.class,
        Set.of(ProbeType.Requirement.ADDRESS, ProbeType.Requirement.SNMP),
        (target, settings) -> create(target, settings, profiles.get()));
  }

  private final Target target;
  private final IpmiProfile profile;

  IpmiSensorProbe(Target target, IpmiProfile profile) {
    this.target = target;
    this.profile = profile;
  }

  /** The profile a probe's settings name, or the default. */
  public static String profileName(Settings settings) {
    return settings.profile() == null ? DEFAULT_PROFILE : settings.profile();
  }

  private static Probe create(Target target, Settings settings, IpmiProfiles profiles) {
    String name = profileName(settings);
    IpmiProfile profile =
        profiles
            .find(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "hosts."
                            + target.name()
                            + ": ipmi_sensor profile: one of "
                            + profiles.names()
                            + ". Found: "
                            + name));
    return new IpmiSensorProbe(target, profile);
  }

  @Override
  public ProbeResult run(ProbeContext context) throws InterruptedException {
    Instant started = context.clock().instant();
    SnmpCredentials credentials = target.snmp().orElse(null);
    if (credentials == null) {
      return context.failed(started, "no SNMP credentials for " + target.name(), List.of());
    }
    var endpoint =
        new SnmpEndpoint(target.address(), credentials, context.timeout(), context.retries());
    SnmpClient snmp = context.resources().snmp();

    var walks = new LinkedHashMap<SensorTable, CompletableFuture<SnmpTable>>();
    var nameWalks = new HashMap<List<OID>, CompletableFuture<SnmpTable>>();
    for (SensorTable t : profile.tables()) {
      walks.put(t, snmp.walk(endpoint, oids(t.entry(), SensorRows.columns(t))));
      if (t.name().table() != null) {
        List<OID> cols = oids(t.name().table(), SensorRows.nameColumns(t));
        nameWalks.computeIfAbsent(cols, c -> snmp.walk(endpoint, c));
      }
    }
    var all = new ArrayList<CompletableFuture<SnmpTable>>(walks.values());
    all.addAll(nameWalks.values());
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(context.remaining().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      all.forEach(f -> f.cancel(false));
      return context.failed(started, reason(e.getCause()), List.of());
    } catch (TimeoutException e) {
      all.forEach(f -> f.cancel(false));
      return context.failed(
          started,
          "the " + profile.name() + " tables were not read before the deadline",
          List.of());
    }

    var points = new ArrayList<Point>();
    var missing = new ArrayList<String>();
    for (Map.Entry<SensorTable, CompletableFuture<SnmpTable>> w : walks.entrySet()) {
      SensorTable t = w.getKey();
      SnmpTable rows = w.getValue().join();
      if (rows.rows().isEmpty()) {
        if (!t.optional()) {
          missing.add(t.label() + " (" + t.entry() + ")");
        }
        logger.debug("{}: no rows in {} table {}", target.name(), profile.name(), t.label());
        continue;
      }
      Map<OID, SnmpTable.Row> names = new HashMap<>();
      if (t.name().table() != null) {
        nameWalks
            .get(oids(t.name().table(), SensorRows.nameColumns(t)))
            .join()
            .rows()
            .forEach(r -> names.put(r.index(), r));
      }
      for (SensorReading r : SensorRows.read(t, rows, names)) {
        points.add(point(context, started, r));
      }
    }
    if (!missing.isEmpty()) {
      return context.failed(
          started,
          "agent has no " + String.join(", ", missing) + " table of profile " + profile.name(),
          points);
    }
    return context.ok(started, points);
  }

  private static Point point(ProbeContext context, Instant time, SensorReading r) {
    return context
        .point("ipmi_sensor", time)
        .tag("name", r.name())
        .tag("unit", r.unit())
        .tag("status_code", r.status().code().tag())
        .tag("status_desc", r.status().desc())
        .tag("entity_id", r.entityId())
        .field("value", r.value())
        .field("status", r.status().code() == Code.OK ? 1L : 0L)
        // The profile's fixed limits (null ones are skipped), named like the status_desc they set.
        .field("upper_critical", r.thresholds() == null ? null : r.thresholds().criticalAbove())
        .field("upper_warning", r.thresholds() == null ? null : r.thresholds().warningAbove())
        .field("lower_warning", r.thresholds() == null ? null : r.thresholds().warningBelow())
        .field("lower_critical", r.thresholds() == null ? null : r.thresholds().criticalBelow())
        .build();
  }

  private static String reason(Throwable cause) {
    return cause instanceof SnmpFailure f ? f.reason() : "SNMP walk failed: " + cause;
  }

  private static List<OID> oids(OID entry, List<Integer> columns) {
    return columns.stream().map(c -> new OID(entry).append(c)).toList();
  }
}
