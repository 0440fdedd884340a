package io.ravenwatch.probes.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.probes.config.DataSize;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfluxTransportTest {

  @Test
  void takesTheDroppedCountFromAPartialWrite() {
    String reason =
        "partial write: field type conflict: input field \"v\" on measurement \"m\" is type"
            + " string, already exists as type integer dropped=2";
    assertThat(InfluxTransport.dropped(reason, 10)).isEqualTo(2);
  }

  @Test
  void countsParseErrorsWhenThereIsNoDroppedCount() {
    String reason = "unable to parse 'm v=': missing field value\nunable to parse 'x': invalid";
    assertThat(InfluxTransport.dropped(reason, 10)).isEqualTo(2);
  }

  @Test
  void assumesTheWholeBatchWhenInfluxSaysNothingCountable() {
    assertThat(InfluxTransport.dropped("bad request", 7)).isEqualTo(7);
  }

  @Test
  void keepsCredentialsOutOfTheLoggedUrl() {
    assertThat(InfluxTransport.redact("http://admin:s3cret@influx:8086/"))
        .isEqualTo("http://influx:8086/")
        .doesNotContain("s3cret");
    assertThat(InfluxTransport.redact("http://influx:8086")).isEqualTo("http://influx:8086");
  }

  @Test
  void aHostNameThatDoesNotResolveIsUnavailableNotAFailedStart() {
    // .invalid never resolves (RFC 6761): a container whose InfluxDB has no DNS entry yet.
    var settings =
        new InfluxSettings(
            "http://influxdb.invalid:8086",
            "db",
            null,
            null,
            null,
            null,
            10,
            Duration.ofSeconds(1),
            false,
            Duration.ofSeconds(2),
            DataSize.ofMebibytes(1));
    try (var transport = new InfluxTransport(settings)) {
      WriteOutcome outcome = transport.write(List.of("m v=1i 1"));
      assertThat(outcome).isInstanceOf(WriteOutcome.Unavailable.class);
      assertThat(((WriteOutcome.Unavailable) outcome).reason()).contains("UnknownHostException");
    }
  }
}
