package io.ravenwatch.bot.console;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.ChatMessage.Button;
import io.ravenwatch.bot.chat.ChatMessage.Embed;
import io.ravenwatch.bot.chat.ChatMessage.Field;
import io.ravenwatch.bot.chat.Reply;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Prints chat messages as text: content as is, embeds as indented blocks, buttons with their ids
 * (so the operator can type {@code press <id>}), attachments saved to a directory. Confirm and
 * Cancel buttons are also passed to {@code onButtons} so {@code confirm}/{@code cancel} find the
 * last plan.
 */
final class ConsoleReply implements Reply {
  private final PrintStream out;
  private final Path filesDir;
  private final Consumer<Button> onButton;

  ConsoleReply(PrintStream out, Path filesDir, Consumer<Button> onButton) {
    this.out = out;
    this.filesDir = filesDir;
    this.onButton = onButton;
  }

  @Override
  public void send(ChatMessage message) {
    print(message);
  }

  @Override
  public void edit(ChatMessage message) {
    out.println("(updated)");
    print(message);
  }

  @Override
  public void defer(boolean ephemeral) {
    out.println("(working…)");
  }

  private void print(ChatMessage m) {
    var text = new StringBuilder();
    if (!m.content().isEmpty()) {
      text.append(m.content()).append('\n');
    }
    for (Embed e : m.embeds()) {
      embed(e, text);
    }
    for (Button b : m.buttons()) {
      if (b.style() == Button.Style.LINK) {
        text.append("  [").append(b.label()).append("] ").append(b.url()).append('\n');
      } else {
        text.append("  [").append(b.label()).append("] press ").append(b.id()).append('\n');
        onButton.accept(b);
      }
    }
    for (ChatMessage.File f : m.files()) {
      text.append("  (").append(save(f)).append(")\n");
    }
    out.print(text);
    out.flush();
  }

  private static void embed(Embed e, StringBuilder text) {
    String bar = "  | ";
    if (!e.title().isEmpty()) {
      text.append(bar).append(e.title());
      if (!e.url().isEmpty()) {
        text.append(" <").append(e.url()).append('>');
      }
      text.append('\n');
    }
    for (String line : e.description().split("\n", -1)) {
      if (!line.isEmpty()) {
        text.append(bar).append(line).append('\n');
      }
    }
    for (Field f : e.fields()) {
      text.append(bar).append(f.name()).append(": ").append(f.value().replace("\n", " / "));
      text.append('\n');
    }
    if (!e.footer().isEmpty()) {
      text.append(bar).append(e.footer()).append('\n');
    }
  }

  private String save(ChatMessage.File f) {
    // Only the last path element: an attachment name never chooses where it is written.
    String name = Path.of(f.name()).getFileName().toString();
    try {
      Files.createDirectories(filesDir);
      Path file = filesDir.resolve(name);
      Files.write(file, f.data());
      return name + ", " + f.data().length + " bytes, saved to " + file;
    } catch (IOException | RuntimeException e) {
      return name + ", " + f.data().length + " bytes, not saved: " + e.getMessage();
    }
  }
}
