package io.ravenwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions H2 committed survive the process being killed right after the commit. */
class H2CrashSafetyTest {
  @TempDir Path dataDir;

  @Test
  void keepsCommittedTransactionsWhenTheProcessIsKilledRightAfter() throws Exception {
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    H2CrashWriter.class.getName(),
                    dataDir.toString()))
            .redirectError(dataDir.resolve("child.log").toFile())
            .start();
    long id;
    try (var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("child output (see child.log)").startsWith("committed ");
      id = Long.parseLong(line.substring("committed ".length()));
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      child.waitFor(30, TimeUnit.SECONDS);
    }

    try (AlertStore store = AlertStores.open(StoreSettings.EMBEDDED, dataDir, Clock.systemUTC())) {
      assertThat(store.loadDocuments("alert"))
          .hasSize(20)
          .containsEntry("a20", "{\"state\":\"FIRING\"}");
      assertThat(store.pending("discord", 100)).hasSize(20);
      assertThat(store.entry(id)).isPresent();
    }
  }
}
