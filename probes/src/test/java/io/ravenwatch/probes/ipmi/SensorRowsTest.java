package io.ravenwatch.probes.ipmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.ipmi.IpmiProfile.Code;
import io.ravenwatch.probes.ipmi.IpmiProfile.SensorTable;
import io.ravenwatch.probes.ipmi.IpmiProfile.Status;
import io.ravenwatch.probes.snmp.SnmpTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

class SensorRowsTest {

  private static SensorTable table(String profile, String label) {
    return IpmiProfiles.builtIn().find(profile).orElseThrow().tables().stream()
        .filter(t -> t.label().equals(label))
        .findFirst()
        .orElseThrow();
  }

  /** A row with the given values by column number, laid out as the probe walks the table. */
  private static SnmpTable.Row row(SensorTable t, String index, Map<Integer, Variable> byColumn) {
    var values = new ArrayList<Variable>();
    for (int c : SensorRows.columns(t)) {
      values.add(byColumn.get(c));
    }
    return new SnmpTable.Row(new OID(index), values);
  }

  private static SensorReading readOne(SensorTable t, SnmpTable.Row row) {
    return SensorRows.read(t, new SnmpTable(List.of(row)), Map.of()).getFirst();
  }

  @Test
  void entitySensorScalesByExponentAndPrecision() {
    SensorTable t = table("entity-sensor", "sensors");
    // voltsDC, milli, precision 1: 120960 → 120960 × 10^-3 ÷ 10 = 12.096 V
    SnmpTable.Row r =
        row(
            t,
            "30",
            Map.of(
                1,
                new Integer32(4),
                2,
                new Integer32(8),
                3,
                new Integer32(1),
                4,
                new Integer32(120960),
                5,
                new Integer32(1)));
    var names =
        Map.of(
            new OID("30"),
            new SnmpTable.Row(new OID("30"), List.of(new OctetString(" PSU1 12V "))));

    SensorReading reading = SensorRows.read(t, new SnmpTable(List.of(r)), names).getFirst();

    assertThat(reading.value()).isCloseTo(12.096, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(reading.unit()).isEqualTo("volts");
    assertThat(reading.name()).isEqualTo("psu1_12v");
    assertThat(reading.entityId()).isEqualTo("30");
    assertThat(reading.status()).isEqualTo(new Status(Code.OK, "ok"));
  }

  @Test
  void entitySensorNameFallsBackToDescrThenToTableAndIndex() {
    SensorTable t = table("entity-sensor", "sensors");
    Map<Integer, Variable> v =
        Map.of(1, new Integer32(8), 2, new Integer32(9), 4, new Integer32(21), 5, new Integer32(1));
    var names =
        Map.of(
            new OID("40"),
            new SnmpTable.Row(
                new OID("40"), List.of(new OctetString(""), new OctetString("Ambient Temp"))));

    List<SensorReading> readings =
        SensorRows.read(t, new SnmpTable(List.of(row(t, "40", v), row(t, "41", v))), names);

    assertThat(readings)
        .extracting(SensorReading::name)
        .containsExactly("ambient_temp", "sensors_41");
  }

  @Test
  void dellAmperageUnitAndScaleFollowTheProbeType() {
    SensorTable t = table("dell-idrac", "power");
    SensorReading amps =
        readOne(
            t,
            row(
                t,
                "1.1",
                Map.of(
                    5,
                    new Integer32(3),
                    6,
                    new Integer32(6),
                    7,
                    new Integer32(23),
                    8,
                    new OctetString("PS1 Current 1"))));
    SensorReading watts =
        readOne(
            t,
            row(
                t,
                "1.3",
                Map.of(
                    5,
                    new Integer32(3),
                    6,
                    new Integer32(252),
                    7,
                    new Integer32(26),
                    8,
                    new OctetString("System Board Pwr Consumption"))));

    assertThat(amps.unit()).isEqualTo("amps");
    assertThat(amps.value()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(watts.unit()).isEqualTo("watts");
    assertThat(watts.value()).isEqualTo(252.0);
    assertThat(watts.entityId()).isEqualTo("1.3");
  }

  @Test
  void mapsVendorStatusToNormalisedCodeKeepingTheVendorWord() {
    SensorTable t = table("dell-idrac", "temperature");
    SensorReading upper =
        readOne(
            t,
            row(
                t,
                "1.3",
                Map.of(
                    5, new Integer32(5), 6, new Integer32(930), 8, new OctetString("CPU1 Temp"))));
    SensorReading odd =
        readOne(
            t,
            row(
                t,
                "1.4",
                Map.of(
                    5, new Integer32(42), 6, new Integer32(300), 8, new OctetString("CPU2 Temp"))));
    SensorReading none =
        readOne(t, row(t, "1.5", Map.of(6, new Integer32(300), 8, new OctetString("CPU3 Temp"))));

    assertThat(upper.status()).isEqualTo(new Status(Code.CRITICAL, "criticalUpper"));
    assertThat(upper.value()).isEqualTo(93.0);
    assertThat(odd.status()).isEqualTo(new Status(Code.WARNING, "unmapped_42"));
    assertThat(none.status()).isEqualTo(new Status(Code.WARNING, "no_status"));
  }

  @Test
  void fixedThresholdsGiveAStatusWhenTheMibHasNone() {
    SensorTable t = table("lm-sensors", "temperature");
    List<SensorReading> readings =
        SensorRows.read(
            t,
            new SnmpTable(
                List.of(
                    row(t, "1", Map.of(2, new OctetString("Core 0"), 3, new Integer32(79999))),
                    row(t, "2", Map.of(2, new OctetString("Core 1"), 3, new Integer32(80000))),
                    row(t, "3", Map.of(2, new OctetString("Core 2"), 3, new Integer32(95000))))),
            Map.of());

    assertThat(readings)
        .extracting(r -> r.status().desc())
        .containsExactly("ok", "upper_warning", "upper_critical");
  }

  @Test
  void thresholdsNeverMakeAVendorStatusBetter() {
    SensorTable base = table("dell-idrac", "temperature");
    SensorTable t =
        new SensorTable(
            base.label(),
            base.entry(),
            false,
            base.name(),
            base.readingColumn(),
            base.unit(),
            base.scale(),
            base.status(),
            new IpmiProfile.Thresholds(50.0, 60.0, null, null),
            null,
            0,
            null);

    SensorReading failed =
        readOne(
            t,
            row(
                t,
                "1.1",
                Map.of(5, new Integer32(10), 6, new Integer32(550), 8, new OctetString("Inlet"))));
    SensorReading hot =
        readOne(
            t,
            row(
                t,
                "1.2",
                Map.of(5, new Integer32(3), 6, new Integer32(550), 8, new OctetString("Exhaust"))));

    assertThat(failed.status()).isEqualTo(new Status(Code.CRITICAL, "failed"));
    assertThat(hot.status()).isEqualTo(new Status(Code.WARNING, "upper_warning"));
  }

  @Test
  void skipsRowsTheProfileLeavesOutAndPrefixesNames() {
    SensorTable t = table("hpe-ilo", "power_supplies");
    List<SensorReading> readings =
        SensorRows.read(
            t,
            new SnmpTable(
                List.of(
                    row(
                        t,
                        "0.1",
                        Map.of(
                            2,
                            new Integer32(1),
                            3,
                            new Integer32(3),
                            4,
                            new Integer32(2),
                            7,
                            new Integer32(145))),
                    row(
                        t,
                        "0.2",
                        Map.of(2, new Integer32(2), 3, new Integer32(2), 4, new Integer32(1))))),
            Map.of());

    assertThat(readings).extracting(SensorReading::name).containsExactly("power_supply_1");
  }
}
