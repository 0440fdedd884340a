package io.ravenwatch.testkit.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to the fake, for what JDA would refuse to send itself. */
final class RawRest {
  private final DiscordFake fake;
  private final HttpClient http = HttpClient.newHttpClient();

  RawRest(DiscordFake fake) {
    this.fake = fake;
  }

  int post(String path, String json) {
    var request =
        HttpRequest.newBuilder(URI.create(fake.restBaseUrl() + path))
            .header("Authorization", "Bot " + fake.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
