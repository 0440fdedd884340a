/**
 * The only classes rule conditions can reach: JEXL's permissions allow this package and nothing
 * else, so a condition can read a point's fields and tags and call registered functions, and cannot
 * touch any other Java class.
 */
package io.ravenwatch.alerts.rule.sandbox;
