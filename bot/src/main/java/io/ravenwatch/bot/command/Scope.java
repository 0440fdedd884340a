package io.ravenwatch.bot.command;

import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.probes.api.Target;
import io.ravenwatch.probes.inventory.Inventory;
import java.util.List;

/**
 * What a command looks at: every target, one target, or the targets of a group or a region. A name
 * is a target first, then a group, then a region.
 *
 * @param label how answers name it ("all 60 targets", "group db")
 * @param targets the targets, in inventory order
 */
public record Scope(String label, List<Target> targets) {

  /**
   * The scope a name means; empty or null means everything.
   *
   * @throws CommandException when the name is no target, group or region
   */
  public static Scope of(Inventory inventory, String name) throws CommandException {
    if (name == null || name.isBlank()) {
      return new Scope("all " + inventory.size() + " targets", inventory.targets());
    }
    String n = name.strip();
    var target = inventory.find(n);
    if (target.isPresent()) {
      return new Scope(n, List.of(target.get()));
    }
    var group = inventory.targets().stream().filter(t -> t.group().equals(n)).toList();
    if (!group.isEmpty()) {
      return new Scope("group " + n, group);
    }
    var region = inventory.targets().stream().filter(t -> t.region().equals(n)).toList();
    if (!region.isEmpty()) {
      return new Scope("region " + n, region);
    }
    throw new CommandException("No target, group or region is named `" + Limits.cut(n, 80) + "`.");
  }

  /**
   * The target named {@code name}.
   *
   * @throws CommandException when the inventory has no such target
   */
  public static Target target(Inventory inventory, String name) throws CommandException {
    if (name == null || name.isBlank()) {
      throw new CommandException("Name a target.");
    }
    return inventory
        .find(name.strip())
        .orElseThrow(
            () ->
                new CommandException("No target is named `" + Limits.cut(name.strip(), 80) + "`."));
  }
}
