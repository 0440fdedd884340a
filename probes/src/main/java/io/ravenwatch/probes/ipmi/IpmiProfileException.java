package io.ravenwatch.probes.ipmi;

/**
 * A profile file is wrong: its message names the file and every key to fix, one per line, e.g.
 * {@code dell.yml: tables.fans.reading: a column number (a positive integer). Found: six}.
 */
public final class IpmiProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public IpmiProfileException(String message) {
    super(message);
  }
}
