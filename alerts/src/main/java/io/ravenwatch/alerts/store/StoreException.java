package io.ravenwatch.alerts.store;

/**
 * The alert store could not do what was asked (the database is unreachable, a statement failed).
 * Unchecked: callers cannot repair it; the engine logs it and retries its cycle later.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
