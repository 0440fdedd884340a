package io.ravenwatch.alerts.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ravenwatch.alerts.api.AlertSummary;
import io.ravenwatch.alerts.api.Labels;
import io.ravenwatch.alerts.api.Notification;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON a webhook receiver gets, version 1. Enum values are lower case, times RFC 3339 UTC.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "id": 42,                        // outbox id: unique and increasing per Ravenwatch store;
 *                                    // use it as an idempotency key (also the Idempotency-Key header)
 *   "kind": "firing",                // firing|repeat|update|resolved|flapping|escalation|acknowledged
 *   "receiver": "ops-hook",
 *   "group_key": "5f1e…",            // the group's identity
 *   "group_labels": {"alertname": "HostDown"},
 *   "severity": "critical",          // worst of the alerts: info|warning|critical
 *   "alerts": [{
 *     "fingerprint": "9a3c…", "rule": "HostDown",
 *     "labels": {"alertname": "HostDown", "source": "web1", "severity": "critical"},
 *     "severity": "critical", "state": "firing",  // pending|firing|flapping|resolved|inactive
 *     "target": "web1", "since": "2025-01-01T10:00:00Z", "value": 1.0,
 *     "annotations": {"summary": "web1 does not answer"},
 *     "acked_by": null
 *   }],
 *   "suppressed": 3,                 // dependents muted because of these alerts
 *   "cause": "switch1",              // what those dependents depend on, or ""
 *   "mention": "@oncall",            // who to call in, or ""
 *   "reply_to": 40,                  // outbox id of the notification that opened the incident, or null
 *   "reply_to_message_id": "m-17",   // the id this receiver answered for it, or null
 *   "created_at": "2025-01-01T10:00:05Z"
 * }
 * }</pre>
 */
public final class WebhookPayload {
  /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
  public static final int VERSION = 1;

  private final ObjectMapper mapper;

  public WebhookPayload(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The payload for one notification, as JSON text. */
  public String render(Notification n, String replyToMessageId) {
    ObjectNode root = mapper.createObjectNode();
    root.put("version", VERSION);
    root.put("id", n.id());
    root.put("kind", lower(n.kind()));
    root.put("receiver", n.receiver());
    root.put("group_key", n.groupKey());
    root.set("group_labels", labels(n.groupLabels()));
    root.put("severity", lower(n.severity()));
    var alerts = root.putArray("alerts");
    for (AlertSummary a : n.alerts()) {
      ObjectNode alert = alerts.addObject();
      alert.put("fingerprint", a.fingerprint());
      alert.put("rule", a.rule());
      alert.set("labels", labels(a.labels()));
      alert.put("severity", lower(a.severity()));
      alert.put("state", lower(a.state()));
      alert.put("target", a.target());
      alert.put("since", a.since() == null ? null : a.since().toString());
      alert.put("value", a.value());
      ObjectNode annotations = alert.putObject("annotations");
      for (Map.Entry<String, String> e : new TreeMap<>(a.annotations()).entrySet()) {
        annotations.put(e.getKey(), e.getValue());
      }
      alert.put("acked_by", a.ackedBy());
    }
    root.put("suppressed", n.suppressed());
    root.put("cause", n.cause());
    root.put("mention", n.mention());
    root.put("reply_to", n.replyTo());
    root.put("reply_to_message_id", replyToMessageId);
    root.put("created_at", n.createdAt().toString());
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e); // a tree always renders
    }
  }

  private ObjectNode labels(Labels labels) {
    ObjectNode node = mapper.createObjectNode();
    labels.map().forEach(node::put);
    return node;
  }

  private static String lower(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}
