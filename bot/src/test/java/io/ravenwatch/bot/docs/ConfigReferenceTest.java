package io.ravenwatch.bot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.notify.NotifierRegistry;
import io.ravenwatch.alerts.notify.NotifierType;
import io.ravenwatch.bot.Setup;
import io.ravenwatch.probes.api.ProbeRegistry;
import io.ravenwatch.probes.api.ProbeType;
import io.ravenwatch.probes.config.ConfigSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is generated from the configuration records and must be current. To
 * regenerate it after changing a configuration record:
 *
 * <pre>
 * mvn -pl bot -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ConfigReferenceTest -Dravenwatch.docs.write=true
 * </pre>
 */
class ConfigReferenceTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path DOC = ROOT.resolve("docs/configuration.md");

  /** Records bound through another record than their section's type. */
  private static final Map<String, String> WRITTEN_AS =
      Map.of("alerts", "io.ravenwatch.alerts.engine.AlertsFile");

  static String generate() throws ReflectiveOperationException {
    var ref = new ConfigReference(ROOT);
    ref.text(
        """
        # Configuration reference

        Generated from the configuration records by `ConfigReferenceTest` (do not edit by hand).
        `config/ravenwatch.yml` is a documented example that runs as it is. Keys are snake_case;
        a key marked **required** must be present, others take the default shown (or are off
        when optional). Durations read `500ms`, `30s`, `5m`, `1h`, `2d`; secrets are only
        accepted as `${ENV_VAR}` or `${ENV_VAR:-default}` references and never printed. Every
        problem of a file is reported at once with its key path
        (`./ravenwatch check-config FILE`).""");
    ref.heading("Top level", "")
        .table("", Class.forName("io.ravenwatch.probes.inventory.RavenwatchFile"));

    ref.heading(
        "Probes",
        "Each host or service lists its probes under `probes:` as entries "
            + "`{type: <type>, name: <name>, interval: …, timeout: …, retries: …, <settings>}`: "
            + "`type` is one of the types below, `name` tells two probes of one type apart "
            + "(default: the type), and the timing keys override the target's. The settings of "
            + "each type:");
    for (ProbeType<?> type : ProbeRegistry.standard().all()) {
      ref.text("### `type: " + type.name() + "`");
      if (type.settings().getRecordComponents().length == 0) {
        ref.text("No settings.");
      } else {
        ref.table("", type.settings());
      }
    }

    var sections = new java.util.ArrayList<ConfigSection<?>>();
    sections.add(io.ravenwatch.probes.container.ContainerEngines.SECTION); // bound by the loader
    sections.addAll(Setup.sections());
    for (ConfigSection<?> section : sections) {
      String written = WRITTEN_AS.get(section.key());
      Class<?> record = written == null ? section.type() : Class.forName(written);
      ref.heading("`" + section.key() + ":`", "").table(section.key() + ".", record);
      if (section.key().equals("alerts")) {
        receivers(ref, Setup.notifierTypes());
      }
    }

    ref.heading(
            "Rule files",
            "Files `*.yml` in `alerts.rules_dir` (default `rules/` beside the configuration "
                + "file); `config/rules/example.yml` documents a complete rule.")
        .table("", Class.forName("io.ravenwatch.alerts.rule.RuleFile"));
    return ref.markdown().strip() + "\n";
  }

  private static void receivers(ConfigReference ref, NotifierRegistry registry) {
    ref.text(
        "`alerts.receivers.<name>` is a map of receivers; each has `type:` and that type's "
            + "settings:");
    for (String name : registry.names()) {
      NotifierType<?> type = registry.find(name).orElseThrow();
      ref.text("### `alerts.receivers.<name>.type: " + name + "`");
      if (type.settings().getRecordComponents().length == 0) {
        ref.text("No settings.");
      } else {
        ref.table("alerts.receivers.<name>.", type.settings());
      }
    }
  }

  @Test
  void docsConfigurationMdIsGeneratedFromTheCurrentRecords() throws Exception {
    String expected = generate();
    if (Boolean.getBoolean("ravenwatch.docs.write")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, expected);
    }
    assertThat(DOC).as("docs/configuration.md exists").exists();
    assertThat(Files.readString(DOC))
        .as(
            "docs/configuration.md is out of date: regenerate it with mvn -pl bot -am test"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ConfigReferenceTest"
                + " -Dravenwatch.docs.write=true")
        .isEqualTo(expected);
  }

  @Test
  void theReferenceNamesKeysAsTheBinderReadsThem() throws Exception {
    String doc = generate();
    assertThat(doc)
        .contains("| `data_dir` | path | `./data` |")
        .contains("| `influxdb.url` |")
        .contains("| `hosts.<name>.address` | text | optional |")
        .contains("### `type: snmp`")
        .contains("| `discord.token` | secret (`${ENV_VAR}`)")
        .contains("### `alerts.receivers.<name>.type: webhook`");
  }
}
