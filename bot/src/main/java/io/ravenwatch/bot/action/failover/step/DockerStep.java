package io.ravenwatch.bot.action.failover.step;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Validatable;
import io.ravenwatch.probes.container.ContainerClients;
import io.ravenwatch.probes.container.DockerEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code docker}: stops, starts or restarts a container on the Docker engine of a node, then checks
 * with an inspect that it is (not) running. The node names an engine declared under {@code
 * container_engines.docker} ({@code docker: {engine: local}}); the client comes from {@link
 * ContainerClients#docker}, with that engine's host, TLS files and per-call timeout (a stop or
 * restart call gets {@code stop_timeout} on top, as the engine answers only once the container is
 * down). The container name is a template over the configuration ({@code app-{{standby}}}).
 * Stopping a stopped container or starting a running one is reported, not a failure.
 *
 * <pre>{@code
 * container_engines:
 *   docker:
 *     edge1: {host: tcp://10.0.0.5:2376, tls: {ca: ca.pem, cert: cert.pem, key: key.pem}}
 * failover:
 *   services:
 *     app:
 *       nodes:
 *         a: {host: 10.0.0.5, docker: {engine: edge1}}
 *         ...
 *       steps:
 *         - {type: docker, node: "{{primary}}", container: app, action: stop}
 *         - {type: docker, node: "{{standby}}", container: app, action: start}
 * }</pre>
 */
public final class DockerStep implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("docker", Settings.class, StepType.Endpoint.DOCKER, DockerStep::new);

  /** What to do to the container. */
  public enum Action {
    STOP,
    START,
    RESTART
  }

  /**
   * @param node the node whose Docker engine runs it ({@code {{primary}}} when absent); it must
   *     have {@code docker: {engine: NAME}}
   * @param container the container's name or id (a template)
   * @param action stop, start or restart
   * @param stopTimeout how long the container gets to stop before it is killed
   */
  public record Settings(
      @OptionalKey String node,
      String container,
      Action action,
      @Default("10s") Duration stopTimeout)
      implements NodeStep, Validatable {
    public Settings {
      node = node == null ? NodeRefs.PRIMARY : node;
    }

    @Override
    public void validate(ConfigProblems problems) {
      Templates.check(container, "container", problems);
    }
  }

  private final Settings settings;

  DockerStep(Settings settings) {
    this.settings = settings;
  }

  private String verb() {
    return settings.action().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String describe(StepContext c) {
    return "Docker: "
        + verb()
        + " container "
        + c.render(settings.container())
        + " on "
        + c.nodeName(settings.node());
  }

  @Override
  public StepResult run(StepContext c) {
    String name = c.nodeName(settings.node());
    String container = c.render(settings.container());
    String engineName = c.node(settings.node()).docker().engine();
    Optional<DockerEngine> declared = c.engines().dockerEngine(engineName);
    if (declared.isEmpty()) {
      // Checked at load time; only a context built around another configuration gets here.
      return StepResult.failed(
          "Docker on " + name + ": no engine " + engineName + " under container_engines.docker");
    }
    int stopSeconds = (int) Math.max(1, settings.stopTimeout().toSeconds());
    try (DockerClient docker =
        ContainerClients.docker(declared.get().withExtraTimeout(Duration.ofSeconds(stopSeconds)))) {
      String note = "";
      try {
        switch (settings.action()) {
          case STOP -> docker.stopContainerCmd(container).withTimeout(stopSeconds).exec();
          case START -> docker.startContainerCmd(container).exec();
          case RESTART -> docker.restartContainerCmd(container).withTimeout(stopSeconds).exec();
        }
      } catch (NotModifiedException already) {
        note =
            settings.action() == Action.STOP ? " (was stopped already)" : " (was running already)";
      }
      Boolean running = docker.inspectContainerCmd(container).exec().getState().getRunning();
      boolean wantRunning = settings.action() != Action.STOP;
      String observed =
          container + " on " + name + (Boolean.TRUE.equals(running) ? " running" : " not running");
      return Boolean.TRUE.equals(running) == wantRunning
          ? StepResult.ok(observed + note)
          : StepResult.failed(
              container
                  + " is"
                  + (wantRunning ? " not running" : " still running")
                  + " after "
                  + verb(),
              observed);
    } catch (DockerException e) {
      return StepResult.failed(
          "Docker on " + name + ": " + e.getHttpStatus() + " " + firstLine(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      // Connection trouble surfaces as a RuntimeException wrapping the socket's IOException.
      return StepResult.failed(
          "Docker on " + name + ": " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }
}
