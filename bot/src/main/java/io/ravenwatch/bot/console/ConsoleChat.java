package io.ravenwatch.bot.console;

import io.ravenwatch.bot.chat.ButtonIds;
import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatMessage.Button;
import io.ravenwatch.bot.chat.Command;
import io.ravenwatch.bot.chat.CommandDispatcher;
import io.ravenwatch.bot.chat.CommandException;
import io.ravenwatch.bot.chat.CommandSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The chat without Discord: the local operator types the same slash commands on the console and
 * sees the same answers as text, through the same {@link CommandDispatcher} (permissions of {@link
 * Caller#CONSOLE}, confirmations, audit).
 *
 * <pre>
 * &gt; /status web1
 * &gt; /silence add matcher:source=web1 duration:1h comment:"reboot"
 * &gt; /restart web1        (shows the plan)
 * &gt; confirm              (or cancel)
 * &gt; press cmd:ack:0123456789abcdef
 * &gt; help
 * </pre>
 *
 * Lines are split by {@link ConsoleTokenizer}: never by a shell, nothing is evaluated.
 */
public final class ConsoleChat {
  private final CommandDispatcher dispatcher;
  private final PrintStream out;
  private final ConsoleReply reply;
  private volatile String lastConfirm;
  private volatile String lastCancel;

  /**
   * @param filesDir where attachments (graphs) are saved
   */
  public ConsoleChat(CommandDispatcher dispatcher, PrintStream out, Path filesDir) {
    this.dispatcher = dispatcher;
    this.out = out;
    this.reply = new ConsoleReply(out, filesDir, this::remember);
  }

  /** Reads and answers lines until end of input or {@code quit}. */
  public void run(InputStream in) {
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    out.println("Ravenwatch console chat. Type help for the commands, quit to leave.");
    try {
      while (true) {
        out.print("> ");
        out.flush();
        String line = reader.readLine();
        if (line == null || !handle(line)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the console", e);
    }
  }

  /** Answers one line; false when the operator wants to leave. */
  boolean handle(String line) {
    List<String> words;
    try {
      words = ConsoleTokenizer.tokenize(line.strip());
    } catch (CommandException e) {
      out.println(e.getMessage());
      return true;
    }
    if (words.isEmpty()) {
      return true;
    }
    String first = words.getFirst();
    switch (first.toLowerCase(Locale.ROOT)) {
      case "quit", "exit" -> {
        return false;
      }
      case "help", "/help" -> help();
      case "confirm" -> pressLast(lastConfirm, "confirm");
      case "cancel" -> pressLast(lastCancel, "cancel");
      case "press" -> {
        if (words.size() != 2) {
          out.println("Usage: press <button id>, as listed under a message.");
        } else {
          dispatcher.onButton(Caller.CONSOLE, words.get(1), reply);
        }
      }
      default -> command(words);
    }
    return true;
  }

  private void command(List<String> words) {
    if (!words.getFirst().startsWith("/")) {
      out.println("Commands start with /, e.g. /status. Type help for the list.");
      return;
    }
    try {
      dispatcher.dispatch(ConsoleParser.parse(words, dispatcher.registry(), reply));
    } catch (CommandException e) {
      reply.send(ChatMessage.ephemeral(e.getMessage()));
    }
  }

  private void pressLast(String id, String what) {
    if (id == null) {
      out.println("Nothing to " + what + ": no plan is waiting.");
      return;
    }
    lastConfirm = null;
    lastCancel = null;
    dispatcher.onButton(Caller.CONSOLE, id, reply);
  }

  private void remember(Button button) {
    if (button.id().startsWith(ButtonIds.confirm(""))) {
      lastConfirm = button.id();
    } else if (button.id().startsWith(ButtonIds.cancel(""))) {
      lastCancel = button.id();
    }
  }

  private void help() {
    var text = new StringBuilder("Commands:\n");
    if (dispatcher.registry().all().isEmpty()) {
      text.append("  (none yet)\n");
    }
    for (Command c : dispatcher.registry().all()) {
      CommandSpec spec = c.spec();
      if (spec.subcommands().isEmpty()) {
        text.append(usage("/" + spec.name(), spec)).append('\n');
      } else {
        for (CommandSpec sub : spec.subcommands()) {
          text.append(usage("/" + spec.name() + " " + sub.name(), sub)).append('\n');
        }
      }
    }
    text.append(
        """
        Options: name:value, or values in order; quote spaces: comment:"two words".
        confirm / cancel   answer the last plan of a destructive command
        press <id>         press a button listed under a message
        quit               leave the console (Ctrl-D too)
        """);
    out.print(text);
  }

  private static String usage(String path, CommandSpec spec) {
    String options =
        spec.options().stream()
            .map(o -> o.required() ? o.name() : "[" + o.name() + "]")
            .collect(Collectors.joining(" "));
    return "  "
        + path
        + (options.isEmpty() ? "" : " " + options)
        + "  — "
        + spec.description()
        + " ("
        + spec.capability().name().toLowerCase(Locale.ROOT)
        + ")";
  }
}
