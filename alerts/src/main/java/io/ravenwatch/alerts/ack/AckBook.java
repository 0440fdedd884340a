package io.ravenwatch.alerts.ack;

import io.ravenwatch.alerts.store.AlertStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acknowledgements in force, by fingerprint: read once from the store, written through to it.
 * The router voids an ack (removes it) when its alert resolves, its severity rises or it flaps.
 */
public final class AckBook {
  private final AlertStore store;
  private final Map<String, Ack> acks = new ConcurrentHashMap<>();

  public AckBook(AlertStore store) {
    this.store = store;
    for (Ack a : store.acks()) {
      acks.put(a.fingerprint(), a);
    }
  }

  public Optional<Ack> find(String fingerprint) {
    return Optional.ofNullable(acks.get(fingerprint));
  }

  public void put(Ack ack) {
    store.saveAck(ack);
    acks.put(ack.fingerprint(), ack);
  }

  /** Voids the ack of {@code fingerprint}; returns it when there was one. */
  public Optional<Ack> remove(String fingerprint) {
    Ack removed = acks.remove(fingerprint);
    if (removed != null) {
      store.deleteAck(fingerprint);
    }
    return Optional.ofNullable(removed);
  }

  public List<Ack> all() {
    return List.copyOf(acks.values());
  }
}
