package io.ravenwatch.bot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.Capability;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandDispatcher;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandRegistry;
import io.ravenwatch.bot.chat.CommandSpec;
import io.ravenwatch.bot.chat.ConfirmationBook;
import io.ravenwatch.bot.chat.Invocation;
import io.ravenwatch.bot.chat.OptionSpec;
import io.ravenwatch.bot.chat.OptionSpec.Completion;
import io.ravenwatch.bot.chat.Permissions;
import io.ravenwatch.bot.chat.audit.AuditLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleChatTest {
  @TempDir Path files;

  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private ConsoleChat chat(EnumSet<Capability> console) {
    var registry =
        new CommandRegistry()
            .register(status())
            .register(silence())
            .register(ack())
            .register(restart());
    var dispatcher =
        new CommandDispatcher(
            registry,
            new Permissions(Map.of(), console),
            new AuditLog(List.of(audited::add)),
            new ConfirmationBook(Duration.ofSeconds(60)),
            Clock.systemUTC());
    return new ConsoleChat(dispatcher, out, files);
  }

  private String run(String... lines) {
    chat(EnumSet.allOf(Capability.class))
        .run(
            new ByteArrayInputStream(
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a positional value fills the command's first option")
  void positionalFillsFirstOption() {
    String output = run("/status web1");

    assertThat(ran).containsExactly("status {target=web1}");
    assertThat(output).contains("web1 is fine");
  }

  @Test
  @DisplayName("subcommand, name:value options and quoted values with spaces")
  void subcommandNamedOptionsAndQuotes() {
    run("/silence add matcher:source=web1 duration:1h comment:\"reboot at 5, 'planned'\"");

    assertThat(ran)
        .containsExactly(
            "silence add {comment=reboot at 5, 'planned', duration=1h, matcher=source=web1}");
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.OK);
    assertThat(audited.getLast().callerId()).isEqualTo("console");
  }

  @Test
  @DisplayName("/ack <id> note:… mixes a positional value and a named one")
  void ackWithNote() {
    run("/ack 0123456789abcdef note:'on it, \"really\"'");

    assertThat(ran).containsExactly("ack {alert=0123456789abcdef, note=on it, \"really\"}");
  }

  @Test
  @DisplayName("shell syntax is plain text: ; rm -rf / and $(…) never run anything")
  void injectionAttemptsAreJustText() throws CommandException {
    assertThat(ConsoleTokenizer.tokenize("/status web1; rm -rf /"))
        .containsExactly("/status", "web1;", "rm", "-rf", "/");
    assertThat(ConsoleTokenizer.tokenize("/status \"$(reboot)\" `id` | cat > /etc/passwd"))
        .containsExactly("/status", "$(reboot)", "`id`", "|", "cat", ">", "/etc/passwd");

    String output =
        run(
            "/status web1; rm -rf /",
            "/status \"$(touch " + files.resolve("pwned") + ")\"",
            "/ack abc note:\"x; rm -rf / && $(id) `whoami` ${HOME}\"");

    assertThat(output).contains("Too many values for /status: `rm`.");
    assertThat(ran)
        .containsExactly(
            "status {target=$(touch " + files.resolve("pwned") + ")}",
            "ack {alert=abc, note=x; rm -rf / && $(id) `whoami` ${HOME}}");
    assertThat(files.resolve("pwned")).doesNotExist();
  }

  @Test
  @DisplayName("escapes inside double quotes; an unterminated quote is a short message")
  void escapesAndUnterminatedQuotes() throws CommandException {
    assertThat(ConsoleTokenizer.tokenize("a\"b \\\"c\\\\\"d ''")).containsExactly("ab \"c\\d", "");
    assertThatThrownBy(() -> ConsoleTokenizer.tokenize("/status \"web1"))
        .isInstanceOf(CommandException.class)
        .hasMessage("Unterminated quote (\") in that line.");

    String output = run("/status \"web1", "status web1", "/nothing");

    assertThat(output)
        .contains("Unterminated quote (\") in that line.")
        .contains("Commands start with /, e.g. /status. Type help for the list.")
        .contains("Unknown command /nothing.");
    assertThat(ran).isEmpty();
  }

  @Test
  @DisplayName("a plan lists its buttons with ids; confirm runs it, cancel drops it")
  void confirmAndCancelTheLastPlan() {
    String output = run("/restart web1", "confirm", "/restart web2", "cancel", "confirm");

    assertThat(output)
        .contains("Will restart web1.")
        .containsPattern("\\[Confirm] press confirm:[a-z2-9]{16}")
        .containsPattern("\\[Cancel] press cancel:[a-z2-9]{16}")
        .contains("Restarted web1")
        .contains("Cancelled: /restart (console).")
        .contains("Nothing to confirm: no plan is waiting.");
    assertThat(ran).containsExactly("restart web1");
  }

  @Test
  @DisplayName("press <id> routes a listed button; embeds print as indented blocks")
  void pressAButtonAndEmbeds() {
    String output = run("/status db1", "press cmd:ack:feedface");

    assertThat(output)
        .contains("  | db1\n  | looks fine\n  | load: 0.5\n")
        .contains("  [Acknowledge] press cmd:ack:feedface")
        .contains("acked feedface");
  }

  @Test
  @DisplayName("the console operator is refused what console_capabilities does not grant")
  void consoleCapabilitiesApply() {
    chat(EnumSet.of(Capability.VIEW))
        .run(new ByteArrayInputStream("/restart web1\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("You need the `restart` permission for /restart.");
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  @DisplayName("help lists every command and subcommand with its options")
  void helpListsCommands() {
    String output = run("help");

    assertThat(output)
        .contains("/status [target]")
        .contains("/silence add matcher [duration] [comment]")
        .contains("/ack alert [note]")
        .contains("press <id>");
  }

  @Test
  @DisplayName("quit stops reading")
  void quitStops() {
    run("quit", "/status web1");

    assertThat(ran).isEmpty();
  }

  // ---- commands ----

  private Command status() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
            "status",
            "Status",
            Capability.VIEW,
            OptionSpec.optional("target", "t", Completion.TARGET));
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("status " + new TreeMap<>(inv.options()));
        String target = inv.option("target").orElse("all");
        if (target.equals("db1")) {
          var embed =
              new ChatMessage.Embed(
                  "db1",
                  "looks fine",
                  0x2ECC71,
                  List.of(new ChatMessage.Field("load", "0.5", true)),
                  "",
                  "",
                  null,
                  "");
          inv.reply()
              .send(
                  ChatMessage.of(
                      embed,
                      ChatMessage.Button.of(
                          "cmd:ack:feedface", "Acknowledge", ChatMessage.Button.Style.PRIMARY)));
        } else {
          inv.reply().send(ChatMessage.text(target + " is fine"));
        }
      }
    };
  }

  private Command silence() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        var add =
            new CommandSpec(
                "add",
                "Add a silence",
                Capability.SILENCE,
                false,
                false,
                List.of(
                    OptionSpec.required("matcher", "m", Completion.NONE),
                    OptionSpec.optional("duration", "d", Completion.NONE),
                    OptionSpec.optional("comment", "c", Completion.NONE)),
                List.of());
        return new CommandSpec(
            "silence", "Silences", Capability.SILENCE, false, false, List.of(), List.of(add));
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("silence " + inv.subcommand() + " " + new TreeMap<>(inv.options()));
      }
    };
  }

  private Command ack() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
            "ack",
            "Acknowledge",
            Capability.ACK,
            OptionSpec.required("alert", "a", Completion.ALERT),
            OptionSpec.optional("note", "n", Completion.NONE));
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("ack " + new TreeMap<>(inv.options()));
      }

      @Override
      public void onButton(
          io.ravenwatch.bot.chat.Caller caller,
          String payload,
          io.ravenwatch.bot.chat.Reply reply) {
        reply.send(ChatMessage.text("acked " + payload));
      }
    };
  }

  private Command restart() {
    return new Command() {
      @Override
      public CommandSpec spec() {
        return CommandSpec.of(
                "restart",
                "Restart",
                Capability.RESTART,
                OptionSpec.required("target", "t", Completion.TARGET))
            .destructively();
      }

      @Override
      public ChatMessage plan(Invocation inv) {
        return ChatMessage.text("Will restart " + inv.option("target").orElseThrow() + ".");
      }

      @Override
      public void handle(Invocation inv) {
        ran.add("restart " + inv.option("target").orElseThrow());
        inv.reply().send(ChatMessage.text("Restarted " + inv.option("target").orElseThrow()));
      }
    };
  }
}
