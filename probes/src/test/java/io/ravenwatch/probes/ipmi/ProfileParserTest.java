package io.ravenwatch.probes.ipmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.probes.ipmi.IpmiProfile.Code;
import io.ravenwatch.probes.ipmi.IpmiProfile.SensorTable;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

class ProfileParserTest {

  private static IpmiProfile parse(String yaml) {
    return ProfileParser.parse("acme", "acme.yml", yaml);
  }

  @Test
  void readsEveryPartOfATable() {
    IpmiProfile p =
        parse(
            """
            description: Acme BMC
            tables:
              sensors:
                entry: .1.3.6.1.4.1.99999.1.1
                optional: true
                name: {table: 1.3.6.1.2.1.47.1.1.1.1, column: 7, fallback_column: 2, prefix: "X "}
                reading: 4
                unit: {column: 1, map: {8: degrees_c, 10: rpm}, default: other}
                scale: {divisor: 10, multiplier: 2, exponent: {column: 2, map: {8: -3}}, precision_column: 3}
                status: {column: 5, map: {1: {code: ok, desc: fine}, 3: {code: critical, desc: broken}}}
                thresholds: {warning_above: 80, critical_above: 95.5}
                entity_id: 6
                skip: {column: 9, values: [2, absent]}
            """);

    assertThat(p.description()).isEqualTo("Acme BMC");
    SensorTable t = p.tables().getFirst();
    assertThat(t.entry()).isEqualTo(new OID("1.3.6.1.4.1.99999.1.1"));
    assertThat(t.optional()).isTrue();
    assertThat(t.name().table()).isEqualTo(new OID("1.3.6.1.2.1.47.1.1.1.1"));
    assertThat(t.name().fallbackColumn()).isEqualTo(2);
    assertThat(t.name().prefix()).isEqualTo("X ");
    assertThat(t.unit().map()).containsEntry("8", "degrees_c").containsEntry("10", "rpm");
    assertThat(t.unit().fallback()).isEqualTo("other");
    assertThat(t.scale().divisor()).isEqualTo(10);
    assertThat(t.scale().exponents()).containsEntry("8", -3);
    assertThat(t.status().map().get("3").code()).isEqualTo(Code.CRITICAL);
    assertThat(t.status().map().get("1").desc()).isEqualTo("fine");
    assertThat(t.thresholds().criticalAbove()).isEqualTo(95.5);
    assertThat(t.entityColumn()).isEqualTo(6);
    assertThat(t.skip().values()).containsExactly("2", "absent");
  }

  @Test
  void rejectsUnknownKeysNamingFileAndKey() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    tables:
                      temps:
                        entry: 1.3.6.1.4.1.99999.1.1
                        name: {column: 2}
                        reading: 3
                        unit: degrees_c
                        colour: blue
                    """))
        .isInstanceOf(IpmiProfileException.class)
        .hasMessage(
            "acme.yml: tables.temps.colour: one of the keys entity_id, entry, name, optional,"
                + " reading, scale, skip, status, threshold_columns, thresholds, unit (unknown key)."
                + " Found: colour");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    tables:
                      temps:
                        entry: 1.3.6.1.4.1.99999.1.1
                        name: {colum: 2}
                        unit: degrees_c
                        status: {column: 5, map: {3: {code: fine, desc: ok}}}
                    """))
        .isInstanceOf(IpmiProfileException.class)
        .hasMessageContaining("acme.yml: tables.temps.name.colum: one of the keys")
        .hasMessageContaining(
            "acme.yml: tables.temps.name.column: a value (the key is required). Found: nothing")
        .hasMessageContaining(
            "acme.yml: tables.temps.reading: a value (the key is required). Found: nothing")
        .hasMessageContaining(
            "acme.yml: tables.temps.status.map.3.code: one of ok, warning, critical. Found: fine");
  }

  @Test
  void requiresAtLeastOneTable() {
    assertThatThrownBy(() -> parse("description: nothing here\n"))
        .hasMessage("acme.yml: tables: a map of at least one table. Found: nothing");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheFile() {
    assertThatThrownBy(() -> parse("tables: [unclosed"))
        .hasMessageStartingWith("acme.yml: not valid YAML:");
  }
}
