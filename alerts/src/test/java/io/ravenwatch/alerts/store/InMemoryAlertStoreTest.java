package io.ravenwatch.alerts.store;

/** The contract on the in-memory reference store. */
class InMemoryAlertStoreTest extends AlertStoreContract {
  @Override
  protected AlertStore openStore() {
    return new InMemoryAlertStore();
  }
}
