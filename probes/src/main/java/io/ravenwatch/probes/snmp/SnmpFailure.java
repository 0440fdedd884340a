package io.ravenwatch.probes.snmp;

/**
 * Why an SNMP request got no usable answer. Carried as the exceptional completion of {@link
 * SnmpClient}'s futures; probes turn it into a failed result with {@link #kind()} as result code.
 */
public final class SnmpFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, with the {@code result_code} written for each. */
  public enum Kind {
    /** No answer within timeout × (retries + 1). */
    TIMEOUT(1),
    /** The agent refused the credentials (v3 report: wrong digest, unknown user, …). */
    AUTH(2),
    /** The agent answered with an error status, or the answer made no sense. */
    AGENT_ERROR(3),
    /** The address could not be resolved or used. */
    BAD_TARGET(4);

    private final int resultCode;

    Kind(int resultCode) {
      this.resultCode = resultCode;
    }

    public int resultCode() {
      return resultCode;
    }
  }

  private final Kind kind;

  public SnmpFailure(Kind kind, String reason) {
    super(reason, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** A short human reason, e.g. {@code "timeout after 3 attempts of 1s"}. */
  public String reason() {
    return getMessage();
  }
}
