package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InfluxServerIT {

  @Test
  void keepsPortAndDataAcrossStopAndStart() {
    try (InfluxServer influx = InfluxServer.launch()) {
      influx.createDatabase("db1");
      influx.write("db1", "cpu,host=a value=1i 1000000000\n");
      String url = influx.url();
      System.out.printf("influxd startup: %d ms%n", influx.startupTime().toMillis());

      influx.stop();
      assertThat(influx.running()).isFalse();
      assertThatThrownBy(() -> influx.query("SHOW DATABASES", null))
          .hasMessageContaining("did not answer");

      influx.start();
      System.out.printf("influxd restart: %d ms%n", influx.startupTime().toMillis());
      assertThat(influx.url()).isEqualTo(url);
      assertThat(influx.query("SELECT value FROM cpu", "db1"))
          .contains("\"columns\":[\"time\",\"value\"]")
          .contains("[1000000000,1]");
    }
  }

  @Test
  void deletesItsDirectoryOnClose() throws Exception {
    InfluxServer influx = InfluxServer.launch();
    Path log = influx.logFile();
    assertThat(Files.exists(log)).isTrue();
    influx.close();
    assertThat(Files.exists(log.getParent())).isFalse();
  }
}
