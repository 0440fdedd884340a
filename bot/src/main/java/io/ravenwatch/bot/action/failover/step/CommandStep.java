package io.ravenwatch.bot.action.failover.step;

import io.ravenwatch.probes.config.ConfigProblems;
import io.ravenwatch.probes.config.Default;
import io.ravenwatch.probes.config.OptionalKey;
import io.ravenwatch.probes.config.Secret;
import io.ravenwatch.probes.config.Validatable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code command}: runs a program with the argument list from the configuration — no shell, each
 * argument a template over the configuration ({@code {{standby.host}}} …), never chat input.
 * Secrets go in {@code env} (as {@code ${ENV}}) and are blanked out of what it printed. OK when it
 * exits with {@code expect_exit} within the step's time limit.
 *
 * <pre>{@code
 * - type: command
 *   argv: [/usr/local/bin/switch-vip, --to, "{{standby.host}}"]
 *   env: {VIP_TOKEN: ${VIP_TOKEN}}
 * }</pre>
 */
public final class CommandStep implements Step {
  public static final StepType<Settings> TYPE =
      new StepType<>("command", Settings.class, StepType.Endpoint.NONE, CommandStep::new);

  /**
   * @param argv the program and its arguments
   * @param env extra environment variables (secrets)
   * @param expectExit the exit code that means success
   */
  public record Settings(
      List<String> argv, @OptionalKey Map<String, Secret> env, @Default("0") int expectExit)
      implements Validatable {
    @Override
    public void validate(ConfigProblems problems) {
      if (argv.isEmpty() || argv.getFirst().isBlank()) {
        problems.report("argv", "a program and its arguments, like [/usr/bin/true]", argv);
      }
      for (int i = 0; i < argv.size(); i++) {
        Templates.check(argv.get(i), "argv[" + i + "]", problems);
      }
    }
  }

  private final Settings settings;

  CommandStep(Settings settings) {
    this.settings = settings;
  }

  private List<String> argv(StepContext c) {
    return settings.argv().stream().map(c::render).toList();
  }

  @Override
  public String describe(StepContext c) {
    return "Run " + String.join(" ", argv(c));
  }

  @Override
  public StepResult run(StepContext c) throws InterruptedException {
    var env = new LinkedHashMap<String, String>();
    settings.env().forEach((k, v) -> env.put(k, v.reveal()));
    Processes.Run run = Processes.run(argv(c), env, env.values(), c.timeout());
    String program = settings.argv().getFirst();
    if (!run.problem().isEmpty()) {
      return StepResult.failed(program + ": " + run.problem(), run.lastLine());
    }
    String observed =
        "exit " + run.exitCode() + (run.lastLine().isEmpty() ? "" : ": " + run.lastLine());
    return run.exitCode() == settings.expectExit()
        ? StepResult.ok(observed)
        : StepResult.failed(
            program + " exited with " + run.exitCode() + ", expected " + settings.expectExit(),
            observed);
  }
}
