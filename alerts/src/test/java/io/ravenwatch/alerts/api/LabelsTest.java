package io.ravenwatch.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Fingerprints are stored as alert ids: they must never change from one version to the next. */
class LabelsTest {

  @Test
  @DisplayName("the fingerprint of ASCII labels is the FNV-1a hash stored by earlier versions")
  void fingerprintOfAsciiLabelsIsStable() {
    assertThat(Labels.of("alertname", "host_down", "severity", "critical", "source", "web1"))
        .extracting(Labels::fingerprint)
        .isEqualTo("11ccbeaf2cadaeae");
    assertThat(Labels.EMPTY.fingerprint()).isEqualTo("cbf29ce484222325");
  }

  @Test
  @DisplayName("the fingerprint hashes the UTF-8 bytes of labels that are not ASCII")
  void fingerprintOfUnicodeLabelsIsStable() {
    var labels =
        Labels.of(
            "alertname", "disk_usage_high",
            "path", "/données",
            "source", "sérveur-ü",
            "emoji", "\uD83D\uDE80");
    assertThat(labels.fingerprint()).isEqualTo("32bbca91bf0289cc");
  }

  @Test
  void labelsMadeAnyWayAreEqualUnmodifiableAndKeepTheirFingerprint() {
    Labels built = Labels.builder().put("source", "db1").put("alertname", "HostDown").build();
    Labels of = Labels.of("alertname", "HostDown", "source", "db1");

    assertThat(built).isEqualTo(of).hasSameHashCodeAs(of);
    assertThat(built.toString()).isEqualTo("{alertname=HostDown, source=db1}");
    assertThat(built.fingerprint()).isEqualTo(of.fingerprint()).isSameAs(built.fingerprint());
    assertThat(new Labels(built.map()).fingerprint()).isEqualTo(of.fingerprint());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> built.map().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> built.map().entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
