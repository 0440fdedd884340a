package io.ravenwatch.probes.inventory;

import io.ravenwatch.probes.api.ProbeSpec;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.config.ConfigErrors;
import io.ravenwatch.probes.ipmi.IpmiProfileException;
import io.ravenwatch.probes.ipmi.IpmiProfiles;
import io.ravenwatch.probes.ipmi.IpmiSensorProbe;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the IPMI profiles a configuration uses (the shipped ones plus {@code ipmi_profiles_dir})
 * and checks that every {@code ipmi_sensor} probe names one, so a typo in a profile name is a
 * configuration error at start, with its key path, not a failure at the first poll.
 */
final class IpmiProfileCheck {
  private IpmiProfileCheck() {}

  static IpmiProfiles load(Path dir, ConfigErrors errors) {
    if (dir == null) {
      return IpmiProfiles.builtIn();
    }
    try {
      return IpmiProfiles.builtIn().withDirectory(dir);
    } catch (IpmiProfileException | UncheckedIOException e) {
      errors.add("ipmi_profiles_dir", "a directory of valid IPMI profile files", e.getMessage());
      return IpmiProfiles.builtIn();
    }
  }

  static void checkReferences(List<Target> targets, IpmiProfiles profiles, ConfigErrors errors) {
    for (Target target : targets) {
      String section = target.kind() == Target.Kind.HOST ? "hosts." : "services.";
      List<ProbeSpec> probes = target.probes();
      for (int i = 0; i < probes.size(); i++) {
        if (probes.get(i).settings() instanceof IpmiSensorProbe.Settings s) {
          String name = IpmiSensorProbe.profileName(s);
          if (profiles.find(name).isEmpty()) {
            errors.add(
                section + target.name() + ".probes[" + i + "].profile",
                "one of " + String.join(", ", profiles.names()),
                name);
          }
        }
      }
    }
  }
}
