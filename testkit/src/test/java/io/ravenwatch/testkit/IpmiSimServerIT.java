package io.ravenwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IpmiSimServerIT {

  private static int ipmitool(IpmiSimServer bmc, String password, String... command)
      throws Exception {
    var argv =
        new java.util.ArrayList<>(
            List.of(
                "ipmitool",
                "-I",
                "lanplus",
                "-C",
                "3",
                "-N",
                "1",
                "-R",
                "1",
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(bmc.port()),
                "-U",
                "admin",
                "-E"));
    argv.addAll(List.of(command));
    var pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().put("IPMI_PASSWORD", password);
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void recordsChassisPowerActionsAndRefusesAWrongPassword() throws Exception {
    try (IpmiSimServer bmc = IpmiSimServer.launch("admin", "pw123")) {
      assertThat(bmc.powerActions()).isEmpty();

      assertThat(ipmitool(bmc, "pw123", "chassis", "power", "off")).isZero();
      assertThat(bmc.powerActions()).containsExactly("set power 0");

      assertThat(ipmitool(bmc, "wrong", "chassis", "power", "on")).isNotZero();
      assertThat(bmc.powerActions()).containsExactly("set power 0");
    }
  }
}
