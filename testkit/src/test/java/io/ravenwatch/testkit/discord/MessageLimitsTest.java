package io.ravenwatch.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class MessageLimitsTest {

  private static DiscordError refusal(ObjectNode message) {
    return catchThrowableOfType(DiscordError.class, () -> MessageLimits.check(message));
  }

  private static ObjectNode embed(ObjectNode message) {
    return message.withArray("embeds").addObject();
  }

  @Test
  void acceptsAMessageAtEveryLimit() {
    ObjectNode m = Json.object().put("content", "x".repeat(2000));
    ObjectNode e = embed(m).put("title", "t".repeat(256)).put("description", "d".repeat(1000));
    for (int i = 0; i < 25; i++) {
      e.withArray("fields").addObject().put("name", "n").put("value", "v".repeat(100));
    }
    for (int r = 0; r < 5; r++) {
      var row = m.withArray("components").addObject().put("type", 1);
      for (int b = 0; b < 5; b++) {
        row.withArray("components").addObject().put("type", 2).put("custom_id", "c".repeat(100));
      }
    }
    assertThatCode(() -> MessageLimits.check(m)).doesNotThrowAnyException();
  }

  @Test
  void refusesContentOver2000WithDiscordsErrorShape() {
    DiscordError e = refusal(Json.object().put("content", "x".repeat(2001)));

    assertThat(e.status).isEqualTo(400);
    assertThat(e.code).isEqualTo(50035);
    assertThat(e.body().at("/errors/content/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");
    assertThat(e.body().path("message").asText()).isEqualTo("Invalid Form Body");
  }

  @Test
  void refusesEachEmbedLimitAtItsPath() {
    ObjectNode m = Json.object();
    ObjectNode e = embed(m).put("title", "t".repeat(257)).put("description", "d".repeat(4097));
    e.putObject("footer").put("text", "f".repeat(2049));
    for (int i = 0; i < 26; i++) {
      e.withArray("fields").addObject().put("name", "n").put("value", "v");
    }
    e.withArray("fields").get(0);
    ((ObjectNode) e.withArray("fields").get(1)).put("name", "n".repeat(257));
    ((ObjectNode) e.withArray("fields").get(2)).put("value", "v".repeat(1025));

    var errors = refusal(m).body().path("errors").path("embeds").path("0");

    assertThat(errors.has("title")).isTrue();
    assertThat(errors.has("description")).isTrue();
    assertThat(errors.path("footer").has("text")).isTrue();
    assertThat(errors.path("fields").has("_errors")).as("26 fields").isTrue();
    assertThat(errors.path("fields").path("1").has("name")).isTrue();
    assertThat(errors.path("fields").path("2").has("value")).isTrue();
  }

  @Test
  void refusesElevenEmbeds() {
    ObjectNode m = Json.object();
    for (int i = 0; i < 11; i++) {
      embed(m).put("title", "t");
    }
    assertThat(refusal(m).body().at("/errors/embeds/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");
  }

  @Test
  void refusesSixActionRowsSixButtonsAndLongCustomIds() {
    ObjectNode m = Json.object();
    for (int r = 0; r < 6; r++) {
      m.withArray("components").addObject().put("type", 1).putArray("components");
    }
    var row = (ObjectNode) m.withArray("components").get(0);
    for (int b = 0; b < 6; b++) {
      row.withArray("components").addObject().put("type", 2).put("custom_id", "c" + b);
    }
    ((ObjectNode) row.withArray("components").get(0)).put("custom_id", "c".repeat(101));

    var errors = refusal(m).body().path("errors").path("components");

    assertThat(errors.has("_errors")).as("6 rows").isTrue();
    assertThat(errors.path("0").path("components").has("_errors")).as("6 buttons").isTrue();
    assertThat(errors.path("0").path("components").path("0").has("custom_id")).isTrue();
  }
}
