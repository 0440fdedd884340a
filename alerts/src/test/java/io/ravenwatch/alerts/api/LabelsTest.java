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
}
