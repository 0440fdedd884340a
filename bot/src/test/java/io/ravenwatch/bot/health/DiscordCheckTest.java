package io.ravenwatch.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.bot.health.CheckResult.Status;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordCheckTest {

  @Test
  @DisplayName("without a token there is nothing to check: disabled, not down")
  void disabledWithoutToken() {
    var check = new DiscordCheck(false, Optional::empty);
    assertThat(check.check().status()).isEqualTo(Status.DISABLED);
  }

  @Test
  @DisplayName("with a token, a connected gateway is up")
  void upWhenConnected() {
    var check = new DiscordCheck(true, () -> Optional.of(JDA.Status.CONNECTED));
    assertThat(check.check()).isEqualTo(CheckResult.up("gateway connected"));
  }

  @Test
  @DisplayName("with a token, not logged in yet or reconnecting is down, naming the state")
  void downWhenNotConnected() {
    assertThat(new DiscordCheck(true, Optional::empty).check())
        .isEqualTo(CheckResult.down("not logged in yet"));
    assertThat(new DiscordCheck(true, () -> Optional.of(JDA.Status.WAITING_TO_RECONNECT)).check())
        .isEqualTo(CheckResult.down("gateway waiting_to_reconnect"));
  }
}
