package io.ravenwatch.bot.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small commands for dispatcher and console tests; each records what it ran. */
final class TestCommands {
  final List<String> ran = new CopyOnWriteArrayList<>();

  CommandRegistry registry() {
    return new CommandRegistry()
        .register(status())
        .register(silence())
        .register(restart())
        .register(graph())
        .register(buggy())
        .register(ack());
  }

  /** /status [target] (view): answers with what it was asked. */
  Command status() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
            "status",
            "Status",
            Capability.VIEW,
            OptionSpec.optional("target", "a target", OptionSpec.Completion.TARGET));
      }

      @Override
      public void handle(Invocation inv) throws CommandException {
        String target = inv.option("target").orElse("everything");
        if (target.equals("nowhere")) {
          throw new CommandException("No target called `nowhere`.");
        }
        ran.add("status " + target);
        inv.reply().send(ChatMessage.text("all good: " + target));
      }

      @Override
      public List<String> complete(String option, String typed) {
        return List.of("web1", "web2", "db1").stream().filter(s -> s.startsWith(typed)).toList();
      }
    };
  }

  /** /silence add (silence) | list (view); says nothing itself. */
  Command silence() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        var add =
            new CommandSpec(
                "add",
                "Add",
                Capability.SILENCE,
                false,
                false,
                List.of(
                    OptionSpec.required("matcher", "m", OptionSpec.Completion.NONE),
                    new OptionSpec(
                        "duration",
                        "d",
                        OptionSpec.Type.STRING,
                        false,
                        OptionSpec.Completion.NONE,
                        List.of("1h", "4h")),
                    OptionSpec.optional("comment", "c", OptionSpec.Completion.NONE)),
                List.of());
        var list = CommandSpec.of("list", "List", Capability.VIEW);
        return new CommandSpec(
            "silence", "Silences", Capability.VIEW, false, false, List.of(), List.of(add, list));
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("silence " + inv.subcommand() + " " + new java.util.TreeMap<>(inv.options()));
      }

      @Override
      public void onButton(Caller caller, String payload, Reply reply) {
        ran.add("silence button " + payload + " by " + caller.name());
      }
    };
  }

  /** /restart target (restart, destructive). */
  Command restart() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
                "restart",
                "Restart",
                Capability.RESTART,
                OptionSpec.required("target", "t", OptionSpec.Completion.TARGET))
            .destructively();
      }

      @Override
      public ChatMessage plan(Invocation inv) throws CommandException {
        String target = inv.option("target").orElseThrow();
        if (target.equals("nowhere")) {
          throw new CommandException("No target called `nowhere`.");
        }
        return ChatMessage.text("Will restart " + target + ".");
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("restart " + inv.option("target").orElseThrow() + " by " + inv.caller().name());
        inv.reply().send(ChatMessage.text("Restarted " + inv.option("target").orElseThrow()));
      }
    };
  }

  /** /graph (view, slow). */
  Command graph() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of("graph", "Graph", Capability.VIEW).slowly();
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("graph");
        inv.reply().send(ChatMessage.text("a graph"));
      }
    };
  }

  /** /buggy: a bug. */
  Command buggy() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of("buggy", "Buggy", Capability.VIEW);
      }

      @Override
      public void handle(Invocation inv) {
        throw new IllegalStateException("index 7 out of bounds, secret internals");
      }
    };
  }

  /** /ack with buttons cmd:ack:<fingerprint> (ack). */
  Command ack() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
            "ack",
            "Ack",
            Capability.ACK,
            OptionSpec.required("alert", "a", OptionSpec.Completion.ALERT),
            OptionSpec.optional("note", "n", OptionSpec.Completion.NONE));
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("ack " + inv.option("alert").orElseThrow() + " " + inv.option("note").orElse(""));
        inv.reply().send(ChatMessage.text("acked"));
      }

      @Override
      public void onButton(Caller caller, String payload, Reply reply) throws CommandException {
        if (payload.isEmpty()) {
          throw new CommandException("Which alert?");
        }
        ran.add("ack button " + payload + " by " + caller.name());
        reply.send(ChatMessage.text("acked " + payload));
      }
    };
  }
}
