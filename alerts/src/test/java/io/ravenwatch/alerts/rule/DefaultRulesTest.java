package io.ravenwatch.alerts.rule;

import static io.ravenwatch.alerts.rule.Results.T0;
import static io.ravenwatch.alerts.rule.Results.disk;
import static io.ravenwatch.alerts.rule.Results.failed;
import static io.ravenwatch.alerts.rule.Results.ok;
import static io.ravenwatch.alerts.rule.Results.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.api.Observation;
import io.ravenwatch.alerts.api.Severity;
import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each shipped rule against results as the probes write them, active and inactive. */
class DefaultRulesTest {
  private final RuleEvaluator evaluator =
      RuleEvaluator.of(RuleLoader.standard().load(List.of(), true), Results::targetTags);

  private Observation only(ProbeResult r, String rule) {
    List<Observation> all =
        evaluator.evaluate(r).stream().filter(o -> o.rule().equals(rule)).toList();
    assertThat(all).as("observations of " + rule).hasSize(1);
    return all.get(0);
  }

  @Test
  void hostDownFiresForAFailedOrTimedOutPingEvenWithoutAPoint() {
    Point answered =
        point("db1", "ping", T0)
            .tag("url", "10.0.0.1")
            .field("result_code", 0)
            .field("percent_packet_loss", 0.0)
            .build();
    assertThat(only(ok("db1", "ping", answered), "host_down").active()).isFalse();
    Observation down =
        only(
            Results.result("db1", "ping", ProbeResult.Status.TIMED_OUT, "cut off after 5s"),
            "host_down");
    assertThat(down.active()).isTrue();
    assertThat(down.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(down.forDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(down.annotations())
        .containsEntry("description", "db1 does not answer ping: cut off after 5s");
    // The same alert whether or not the run wrote a point: labels from the target, not the point.
    assertThat(down.fingerprint())
        .isEqualTo(only(ok("db1", "ping", answered), "host_down").fingerprint());
  }

  @Test
  void serviceDownFiresOnANonZeroResultCode() {
    Point refused =
        point("api", "net_response", T0)
            .tag("server", "api")
            .tag("port", "443")
            .tag("protocol", "tcp")
            .tag("result", "connection_failed")
            .field("result_code", 2)
            .build();
    Point fine =
        point("api", "net_response", T0)
            .tag("server", "api")
            .tag("port", "443")
            .tag("protocol", "tcp")
            .tag("result", "success")
            .field("result_code", 0)
            .field("response_time", 0.002)
            .build();
    assertThat(only(failed("api", "net_response", "refused", refused), "service_down_tcp").active())
        .isTrue();
    assertThat(only(ok("api", "net_response", fine), "service_down_tcp").active()).isFalse();

    Point timeout =
        point("web", "http_response", T0)
            .tag("server", "https://web/")
            .tag("method", "GET")
            .tag("result", "timeout")
            .field("result_code", 4)
            .build();
    Point served =
        point("web", "http_response", T0)
            .tag("server", "https://web/")
            .tag("method", "GET")
            .tag("result", "success")
            .tag("status_code", "200")
            .field("result_code", 0)
            .field("http_response_code", 200)
            .field("response_time", 0.01)
            .build();
    Observation down =
        only(failed("web", "http_response", "timeout", timeout), "service_down_http");
    Observation up = only(ok("web", "http_response", served), "service_down_http");
    assertThat(down.active()).isTrue();
    assertThat(down.value()).isEqualTo(4.0);
    assertThat(up.active()).isFalse();
    assertThat(up.labels().map()).doesNotContainKeys("result", "status_code");
    assertThat(up.fingerprint()).isEqualTo(down.fingerprint());
  }

  @Test
  void tlsCertificateExpiringWithinFourteenDays() {
    Observation soon = only(ok("web", "x509_cert", cert(13 * 86400L)), "tls_certificate_expiring");
    assertThat(soon.active()).isTrue();
    assertThat(soon.annotations())
        .containsEntry("summary", "web: the certificate for web.example.com expires in 13 days");
    assertThat(only(ok("web", "x509_cert", cert(60 * 86400L)), "tls_certificate_expiring").active())
        .isFalse();
  }

  private static Point cert(long expiry) {
    return point("web", "x509_cert", T0)
        .tag("common_name", "web.example.com")
        .tag("issuer_common_name", "R3")
        .tag("serial_number", "0a1b")
        .field("expiry", expiry)
        .field("age", 1000L)
        .field("verification_code", 0)
        .build();
  }

  @Test
  void diskAboveNinetyPercent() {
    Observation full = only(ok("db1", "disk", disk("db1", "/var", 93.4, T0)), "disk_usage_high");
    assertThat(full.active()).isTrue();
    assertThat(full.value()).isEqualTo(93.4);
    assertThat(full.annotations()).containsEntry("summary", "db1: /var is 93% full");
    assertThat(only(ok("db1", "disk", disk("db1", "/var", 40, T0)), "disk_usage_high").active())
        .isFalse();
  }

  @Test
  void ipmiSensorCriticalOrWarning() {
    Observation critical =
        only(ok("bmc1", "ipmi_sensor", sensor("critical", 97.0)), "ipmi_sensor_critical");
    assertThat(critical.active()).isTrue();
    assertThat(critical.value()).isEqualTo(97.0);
    assertThat(critical.labels().map())
        .containsEntry("name", "cpu_temp")
        .doesNotContainKeys("status_code", "status_desc");
    assertThat(
            only(ok("bmc1", "ipmi_sensor", sensor("critical", 97.0)), "ipmi_sensor_warning")
                .active())
        .isFalse();
    assertThat(
            only(ok("bmc1", "ipmi_sensor", sensor("warning", 85.0)), "ipmi_sensor_warning")
                .active())
        .isTrue();
    assertThat(only(ok("bmc1", "ipmi_sensor", sensor("ok", 45.0)), "ipmi_sensor_warning").active())
        .isFalse();
    assertThat(only(ok("bmc1", "ipmi_sensor", sensor("ok", 45.0)), "ipmi_sensor_critical").active())
        .isFalse();
  }

  private static Point sensor(String status, double value) {
    return point("bmc1", "ipmi_sensor", T0)
        .tag("name", "cpu_temp")
        .tag("unit", "degrees_c")
        .tag("status_code", status)
        .tag("status_desc", status.equals("ok") ? "ok" : "upper " + status)
        .tag("entity_id", "3.1")
        .field("value", value)
        .field("status", status.equals("ok") ? 1L : 0L)
        .build();
  }

  @Test
  void snmpAgentUnreachable() {
    Point timeout =
        point("sw1", "snmp", T0).field("result_code", 1).field("response_time", 5.0).build();
    Point answered =
        point("sw1", "snmp", T0).field("result_code", 0).field("response_time", 0.01).build();
    assertThat(
            only(failed("sw1", "snmp", "SNMP timeout", timeout), "snmp_agent_unreachable").active())
        .isTrue();
    assertThat(only(ok("sw1", "snmp", answered), "snmp_agent_unreachable").active()).isFalse();
  }

  @Test
  void interfaceDownOnlyWhenAdministrativelyUp() {
    assertThat(only(ok("sw1", "snmp", port(2, 1)), "interface_down").active()).isTrue();
    assertThat(only(ok("sw1", "snmp", port(2, 2)), "interface_down").active()).isFalse();
    assertThat(only(ok("sw1", "snmp", port(1, 1)), "interface_down").active()).isFalse();
    assertThat(only(ok("sw1", "snmp", port(2, 1)), "interface_down").labels().map())
        .containsEntry("ifName", "ge-0/0/1")
        .doesNotContainKey("ifIndex");
  }

  private static Point port(long oper, long admin) {
    return point("sw1", "interface", T0)
        .tag("ifIndex", "3")
        .tag("ifName", "ge-0/0/1")
        .tag("ifDescr", "uplink")
        .field("ifOperStatus", oper)
        .field("ifAdminStatus", admin)
        .field("ifHCInOctets", 1000L)
        .build();
  }

  @Test
  void diskPredictedFullWithinADay() {
    // 2 %/h from 60 %: full in 20 h, within the 24 h horizon.
    Observation last = null;
    for (int i = 0; i <= 6; i++) {
      var at = T0.plus(Duration.ofMinutes(10L * i));
      last =
          only(
              ok("db1", "disk", disk("db1", "/data", 60 + 2.0 * i / 6, at)), "disk_predicted_full");
    }
    assertThat(last.active()).isTrue();
    assertThat(last.value()).isCloseTo(62 + 48, org.assertj.core.data.Offset.offset(0.01));
    assertThat(last.annotations())
        .containsEntry("summary", "db1: /data will be full within 24 hours");
  }

  private static Point container(String status, long exitcode, String version) {
    return point("docker1", "docker_container_status", T0)
        .tag("container_name", "web")
        .tag("container_image", "shop/web")
        .tag("container_version", version)
        .tag("container_status", status)
        .tag("engine_host", "docker1")
        .field("exitcode", exitcode)
        .field("oomkilled", false)
        .field("restart_count", 0L)
        .build();
  }

  @Test
  void containerNotRunningFiresForAnExitedContainerAndResolvesAfterANewImageStarts() {
    Observation exited =
        only(
            ok("docker1", "docker_container_status", container("exited", 137, "1.0")),
            "container_not_running");
    assertThat(exited.active()).isTrue();
    assertThat(exited.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(exited.value()).isEqualTo(137.0);
    assertThat(exited.annotations())
        .containsEntry("summary", "docker1: container web is not running")
        .containsEntry("description", "Container web on docker1 stopped with exit code 137.");
    Observation running =
        only(
            ok("docker1", "docker_container_status", container("running", 0, "1.1")),
            "container_not_running");
    assertThat(running.active()).isFalse();
    // Status and image version change; the alert is the same one, so it resolves.
    assertThat(running.fingerprint()).isEqualTo(exited.fingerprint());
    assertThat(running.labels().map())
        .containsEntry("container_name", "web")
        .doesNotContainKeys("container_status", "container_version", "container_image");
  }

  @Test
  void containerUnhealthyFiresOnAFailingHealthCheck() {
    Point sick =
        point("docker1", "docker_container_health", T0)
            .tag("container_name", "web")
            .tag("container_status", "running")
            .tag("engine_host", "docker1")
            .field("health_status", "unhealthy")
            .field("failing_streak", 4L)
            .build();
    Point fine =
        point("docker1", "docker_container_health", T0)
            .tag("container_name", "web")
            .tag("container_status", "running")
            .tag("engine_host", "docker1")
            .field("health_status", "healthy")
            .field("failing_streak", 0L)
            .build();
    Observation unhealthy =
        only(ok("docker1", "docker_container_health", sick), "container_unhealthy");
    assertThat(unhealthy.active()).isTrue();
    assertThat(unhealthy.annotations())
        .containsEntry("description", "Its health check failed 4 times in a row.");
    assertThat(only(ok("docker1", "docker_container_health", fine), "container_unhealthy").active())
        .isFalse();
  }

  @Test
  void swarmServiceDegradedWhenFewerTasksRunThanDesired() {
    Observation degraded =
        only(ok("swarm", "docker_swarm", swarm("a1", 1)), "swarm_service_degraded");
    assertThat(degraded.active()).isTrue();
    assertThat(degraded.value()).isEqualTo(1.0);
    assertThat(degraded.annotations())
        .containsEntry("summary", "swarm: swarm service api runs 1 tasks, fewer than desired");
    Observation recreated =
        only(ok("swarm", "docker_swarm", swarm("b2", 2)), "swarm_service_degraded");
    assertThat(recreated.active()).isFalse();
    assertThat(recreated.fingerprint()).isEqualTo(degraded.fingerprint());
  }

  private static Point swarm(String id, long running) {
    return point("swarm", "docker_swarm", T0)
        .tag("service_id", id)
        .tag("service_name", "api")
        .tag("service_mode", "replicated")
        .field("tasks_desired", 2L)
        .field("tasks_running", running)
        .build();
  }

  @Test
  void deploymentReplicasUnavailableWhenFewerAvailableThanDesired() {
    Observation short1 =
        only(ok("k8s", "kubernetes_deployment", deployment(2)), "deployment_replicas_unavailable");
    assertThat(short1.active()).isTrue();
    assertThat(short1.forDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(short1.annotations())
        .containsEntry(
            "summary", "k8s: deployment web/frontend has 2 replicas available, fewer than desired");
    assertThat(
            only(
                    ok("k8s", "kubernetes_deployment", deployment(3)),
                    "deployment_replicas_unavailable")
                .active())
        .isFalse();
  }

  private static Point deployment(long available) {
    return point("k8s", "kubernetes_deployment", T0)
        .tag("deployment_name", "frontend")
        .tag("namespace", "web")
        .field("replicas_desired", 3L)
        .field("replicas_available", available)
        .field("replicas_unavailable", 3L - available)
        .build();
  }
}
