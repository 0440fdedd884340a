package io.ravenwatch.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class DiscordFakeLoginTest {
  private static final Logger logger = LoggerFactory.getLogger(DiscordFakeLoginTest.class);

  static final FakeGuild GUILD =
      FakeGuild.of("100000000000000100", "ops")
          .withChannel("100000000000000200", "alerts")
          .withReadOnlyChannel("100000000000000201", "announcements")
          .withRole("100000000000000300", "oncall")
          .withMember("100000000000000400", "alice", "100000000000000300")
          .withMember("100000000000000401", "bob");

  @Test
  void realJdaLogsInAndSeesTheConfiguredGuild() throws InterruptedException {
    try (var fake = DiscordFake.start(GUILD)) {
      long started = System.nanoTime();
      // createLight caches no members; cache them here to see GUILD_CREATE's members arrive
      JDA jda =
          FakeJda.builder(fake, fake.token())
              .enableIntents(GatewayIntent.GUILD_MEMBERS)
              .setMemberCachePolicy(MemberCachePolicy.ALL)
              .build()
              .awaitReady();
      Duration login = Duration.ofNanos(System.nanoTime() - started);
      logger.info("JDA login against the fake took {} ms", login.toMillis());
      try {
        assertThat(jda.getSelfUser().getId()).isEqualTo(GUILD.bot().userId());
        Guild guild = jda.getGuildById(GUILD.id());
        assertThat(guild).isNotNull();
        assertThat(guild.getName()).isEqualTo("ops");
        assertThat(guild.getTextChannels())
            .extracting(c -> c.getId() + ":" + c.getName())
            .containsExactly("100000000000000200:alerts", "100000000000000201:announcements");
        assertThat(guild.getRoles()).extracting(Role::getName).contains("oncall", "Ravenwatch");
        Member alice = guild.getMemberById("100000000000000400");
        assertThat(alice).isNotNull();
        assertThat(alice.getRoles()).extracting(Role::getId).containsExactly("100000000000000300");
        Member self = guild.getSelfMember();
        assertThat(
                self.hasPermission(
                    guild.getTextChannelById("100000000000000200"), Permission.MESSAGE_SEND))
            .isTrue();
        assertThat(
                self.hasPermission(
                    guild.getTextChannelById("100000000000000201"), Permission.MESSAGE_SEND))
            .as("the read-only channel denies the bot's role SEND_MESSAGES")
            .isFalse();
        assertThat(jda.getGatewayPing()).isGreaterThanOrEqualTo(-1);
      } finally {
        jda.shutdownNow();
      }
    }
  }

  @Test
  void wrongTokenFailsLoginWith401() {
    try (var fake = DiscordFake.start(GUILD)) {
      assertThatThrownBy(() -> FakeJda.builder(fake, "not-the-token").build())
          .isInstanceOf(InvalidTokenException.class);
      assertThat(fake.rejections())
          .extracting(Rejection::path, Rejection::status)
          .contains(org.assertj.core.groups.Tuple.tuple("users/@me", 401));
    }
  }
}
