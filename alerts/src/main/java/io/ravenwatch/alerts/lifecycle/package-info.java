/**
 * The alert lifecycle: turns the rule evaluator's {@link io.ravenwatch.alerts.api.Observation}s
 * into {@link io.ravenwatch.alerts.api.AlertEvent}s, one state machine per alert fingerprint. Entry
 * point: {@link io.ravenwatch.alerts.lifecycle.AlertTracker}; settings: {@link
 * io.ravenwatch.alerts.lifecycle.LifecycleSettings}.
 *
 * <p>Choices worth knowing:
 *
 * <ul>
 *   <li>Times come from the observations ({@code Observation.at}, when the data was produced), so
 *       {@code for} and {@code keep_firing_for} measure the data, not when it was processed. Ticks
 *       use the time they are given. A PENDING alert fires on its next active observation after
 *       {@code for}, not on a tick (as in Prometheus: only data can prove the condition held).
 *   <li>Staleness: a series is stale after {@code max(stale_after, stale_gap_factor × its largest
 *       observed gap)} (defaults 10m and 3). The floor keeps a few missed evaluations of a fast
 *       rule from resolving and re-opening an incident; the learned part keeps slow rules from
 *       going stale between evaluations. A gap longer than the threshold (the series coming back)
 *       is not learned. Stale FIRING/FLAPPING → RESOLVED; stale PENDING → INACTIVE and forgotten;
 *       stale INACTIVE → forgotten (no event); RESOLVED → forgotten after {@code
 *       resolved_retention} (1h), its document deleted.
 *   <li>Flapping follows Nagios: the flap history counts every evaluation, but only an alert that
 *       was announced (FIRING, or RESOLVED firing again) can enter FLAPPING, as the legal
 *       transitions say; a PENDING alert that toggles is never notified anyway. While FLAPPING, no
 *       events until the percent change drops below the low threshold.
 *   <li>Storage: a document per alert (kind {@code "alert"}) is written on every transition and on
 *       every change of the condition (an edge) while FIRING, FLAPPING or RESOLVED, since that is
 *       when the hold-up start or the flap history change in a way a restart must know. Steady
 *       evaluations write nothing. After a restart the steady results since the last edge are
 *       missing from the history, so its changes look a little more recent than they were; a
 *       flapping alert stays flapping rather than settling early, which is the safe side.
 *   <li>In the engine the evaluator makes no inactive observation of an alert the lifecycle does
 *       not know, nor of any alert of a rule that has none but quiet ones (INACTIVE with no true
 *       result in its flap history; see {@code AlertTracker.tracksRule}): most evaluations are
 *       those, and they would change nothing. So there a series becomes known at its first active
 *       observation: its flap history starts there, as for a series never seen before (the rise
 *       itself is not counted as a change, where a series already known as INACTIVE counts it), and
 *       its largest gap is learned from then on. A quiet INACTIVE alert whose rule is no longer
 *       tracked is no longer observed, goes stale and is forgotten. Fed directly, the tracker keeps
 *       every series it is given, as before.
 *   <li>After a restore every series gets a fresh stale period, so a long downtime does not resolve
 *       every alert at the first tick; the next observations decide.
 * </ul>
 */
package io.ravenwatch.alerts.lifecycle;
