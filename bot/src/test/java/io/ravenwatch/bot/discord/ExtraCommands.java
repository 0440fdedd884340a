package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Commands that only tests register: one that breaks, one too big for Discord, one to confirm. */
final class ExtraCommands {
  private ExtraCommands() {}

  /** {@code /boom}: a bug. */
  static final class Boom implements Command {
    @Override
    public CommandSpec spec() {
      return CommandSpec.of("boom", "Always fails", Capability.VIEW);
    }

    @Override
    public void handle(Invocation invocation) {
      throw new IllegalStateException("secret stack trace detail");
    }
  }

  /** {@code /big}: 12 embeds of 30 long fields each, 40 buttons, 3,000 characters of content. */
  static final class Big implements Command {
    @Override
    public CommandSpec spec() {
      return CommandSpec.of("big", "Far over Discord's limits", Capability.VIEW);
    }

    @Override
    public void handle(Invocation invocation) {
      var embeds = new ArrayList<ChatMessage.Embed>();
      for (int e = 0; e < 12; e++) {
        var fields = new ArrayList<ChatMessage.Field>();
        for (int f = 0; f < 30; f++) {
          fields.add(
              new ChatMessage.Field("field " + f + "x".repeat(300), "v".repeat(2000), false));
        }
        embeds.add(
            new ChatMessage.Embed(
                "t".repeat(300), "d".repeat(5000), 0xE74C3C, fields, "", "", null, ""));
      }
      var buttons = new ArrayList<ChatMessage.Button>();
      for (int b = 0; b < 40; b++) {
        buttons.add(
            ChatMessage.Button.of("cmd:big:" + b, "button " + b, ChatMessage.Button.Style.PRIMARY));
      }
      buttons.add(
          ChatMessage.Button.of(
              "cmd:big:" + "x".repeat(120), "too long an id", ChatMessage.Button.Style.DANGER));
      invocation.reply().send(new ChatMessage("c".repeat(3000), embeds, buttons, List.of(), false));
    }
  }

  /** {@code /wipe <what>}: destructive, shows a plan first. */
  static final class Wipe implements Command {
    @Override
    public CommandSpec spec() {
      return CommandSpec.of(
              "wipe",
              "Wipes something (after confirmation)",
              Capability.RESTART,
              OptionSpec.required("what", "What to wipe", OptionSpec.Completion.NONE))
          .destructively();
    }

    @Override
    public ChatMessage plan(Invocation invocation) {
      return ChatMessage.text("Will wipe " + invocation.option("what").orElse("?") + ".");
    }

    @Override
    public void handle(Invocation invocation) {
      invocation
          .reply()
          .send(
              ChatMessage.text(
                  "Wiped "
                      + invocation.option("what").orElse("?")
                      + " for "
                      + invocation.caller().name()
                      + "."));
    }
  }

  /**
   * {@code /sloth}: not declared slow, but answers only when the test releases it, after Discord's
   * 3 s would have passed.
   */
  static final class Sloth implements Command {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public CommandSpec spec() {
      return CommandSpec.of("sloth", "Slower than it says", Capability.VIEW);
    }

    @Override
    public void handle(Invocation invocation) throws InterruptedException {
      release.await();
      invocation.reply().send(ChatMessage.text("finally"));
    }
  }
}
