package io.ravenwatch.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.store.AlertStore;
import io.ravenwatch.alerts.store.AlertStores;
import io.ravenwatch.alerts.store.StoreSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCommandTest {
  @TempDir Path dir;

  @Test
  @DisplayName("'ravenwatch console' answers typed commands and keeps the audit trail in the store")
  void consoleRunsCommandsAndAudits() throws Exception {
    Path file = dir.resolve("ravenwatch.yml");
    Files.writeString(file, "data_dir: data\n");
    var bytes = new ByteArrayOutputStream();
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    int status;
    try {
      System.setIn(
          new ByteArrayInputStream(
              "help\n/nothing here\nconfirm\nquit\n".getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      status =
          Main.execute(
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(new StringWriter(), true),
              "console",
              "--config",
              file.toString());
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).isZero();
    assertThat(output)
        .contains("Ravenwatch console chat.")
        .contains("confirm / cancel")
        .contains("Unknown command /nothing.")
        .containsPattern(
            "\\[audit\\] 🛡 console: /nothing → failed( in \\d+ ms)?\\. unknown command")
        .contains("Nothing to confirm: no plan is waiting.");
    try (AlertStore store =
        AlertStores.open(StoreSettings.EMBEDDED, dir.resolve("data"), Clock.systemUTC())) {
      assertThat(store.audit(10))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.callerId()).isEqualTo("console");
                assertThat(e.action()).isEqualTo("/nothing");
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
              });
    }
  }
}
