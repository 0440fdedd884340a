package io.ravenwatch.bot.cli;

import io.ravenwatch.bot.health.HealthServer;
import io.ravenwatch.bot.health.HealthSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ravenwatch healthcheck}: asks a running Ravenwatch's health endpoint and exits 0 when it
 * answers 200. The container image's {@code HEALTHCHECK} runs it, since the JRE image has neither
 * curl nor wget.
 */
@Command(
    name = "healthcheck",
    mixinStandardHelpOptions = true,
    description = {
      "Asks a running Ravenwatch's health endpoint (health.listen) and prints its answer.",
      "Exit status: 0 when it answers 200, 1 otherwise (503, no answer)."
    })
public final class HealthcheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:" + HealthSettings.DEFAULT_PORT + HealthServer.READY,
      description = "The endpoint (default: ${DEFAULT-VALUE}; liveness: /health/live).")
  URI url;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "5000",
      description = "Connect and read timeout (default: ${DEFAULT-VALUE}).")
  int timeoutMs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HttpURLConnection connection = null;
    try {
      // HttpURLConnection rather than java.net.http: fewer classes to load, and this runs every
      // few seconds in a fresh JVM.
      connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout(timeoutMs);
      connection.setReadTimeout(timeoutMs);
      int code = connection.getResponseCode();
      InputStream body = code >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text =
          body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
      (code == 200 ? out : err).println(code + " " + text);
      return code == 200 ? 0 : 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println("no answer from " + url + ": " + e);
      return 1;
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }
}
