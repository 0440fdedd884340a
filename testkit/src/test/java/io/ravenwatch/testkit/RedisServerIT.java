package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisServerIT {

  @Test
  void startsAPasswordProtectedPrimaryAndAReplicaThatFollowsIt() {
    try (RedisServer primary = RedisServer.launch("pw123");
        RedisServer replica = RedisServer.replicaOf(primary, "pw123")) {
      assertThat(primary.command("SET", "k", "v")).isEqualTo("OK");

      await().atMost(Duration.ofSeconds(10)).until(() -> "v".equals(replica.command("GET", "k")));
      assertThat(replica.command("ROLE")).startsWith("slave");
      assertThatThrownBy(() -> replica.command("SET", "k", "w")).hasMessageContaining("READONLY");
    }
  }

  @Test
  void stopsTheServer() {
    try (RedisServer redis = RedisServer.launch()) {
      assertThat(redis.running()).isTrue();
      redis.stop();
      assertThat(redis.running()).isFalse();
    }
  }
}
