package io.ravenwatch.testkit.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A tiny bot written against the real JDA API, to drive the fake: /ping replies ephemerally, /slow
 * defers then edits, /silence add|list has an autocompleted target, /late answers after a delay,
 * and the "ack" button updates its message.
 */
final class TestBot extends ListenerAdapter {
  static final byte[] GRAPH = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
  static final List<String> TARGETS = List.of("web-1", "web-2", "db-1");

  final List<ButtonInteractionEvent> clicks = new CopyOnWriteArrayList<>();
  final List<SlashCommandInteractionEvent> slashes = new CopyOnWriteArrayList<>();
  final List<SessionResumeEvent> resumes = new CopyOnWriteArrayList<>();
  volatile Duration lateBy = Duration.ofMillis(1500);

  static void registerCommands(JDA jda, String guildId) {
    jda.getGuildById(guildId)
        .updateCommands()
        .addCommands(
            Commands.slash("ping", "Answers pong"),
            Commands.slash("slow", "Defers, then answers"),
            Commands.slash("late", "Answers after the deadline"),
            Commands.slash("graph", "Defers ephemerally, then follows up with a file"),
            Commands.slash("silence", "Silences")
                .addSubcommands(
                    new SubcommandData("add", "Adds a silence")
                        .addOptions(
                            new OptionData(OptionType.STRING, "target", "what", true, true),
                            new OptionData(OptionType.INTEGER, "hours", "how long", false)),
                    new SubcommandData("list", "Lists silences")))
        .complete();
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    slashes.add(event);
    switch (event.getFullCommandName()) {
      case "ping" -> event.reply("pong").setEphemeral(true).queue();
      case "slow" -> event.deferReply().queue(hook -> hook.editOriginal("done slowly").queue());
      case "graph" ->
          event
              .deferReply(true)
              .queue(
                  hook ->
                      hook.sendMessage("cpu of web-1")
                          .addFiles(FileUpload.fromData(GRAPH, "cpu.png"))
                          .setEphemeral(true)
                          .queue());
      case "late" ->
          event
              .reply("too late")
              .queueAfter(lateBy.toMillis(), TimeUnit.MILLISECONDS, ok -> {}, e -> {});
      case "silence add" -> {
        long hours = event.getOption("hours") == null ? 1 : event.getOption("hours").getAsLong();
        event
            .reply(
                "silenced "
                    + event.getOption("target").getAsString()
                    + " for "
                    + hours
                    + " h by "
                    + event.getUser().getName()
                    + " with "
                    + event.getMember().getRoles().size()
                    + " role(s)")
            .queue();
      }
      default -> event.reply("unknown").setEphemeral(true).queue();
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue();
    event
        .replyChoices(
            TARGETS.stream()
                .filter(t -> t.startsWith(typed))
                .map(t -> new Command.Choice(t, t))
                .toList())
        .queue();
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    clicks.add(event);
    if (event.getComponentId().startsWith("mute:")) {
      event.deferEdit().queue(hook -> hook.editOriginal("muted").queue());
    } else if (event.getComponentId().startsWith("note:")) {
      var note = TextInput.create("note", TextInputStyle.SHORT).build();
      event
          .replyModal(
              Modal.create("note-modal", "Ack note").addComponents(Label.of("Note", note)).build())
          .queue();
    } else if (event.getComponentId().startsWith("ack:")) {
      event
          .editMessage("acked by " + event.getUser().getName())
          .setComponents(List.<ActionRow>of())
          .queue();
    } else {
      event.reply("refused").setEphemeral(true).queue();
    }
  }

  @Override
  public void onSessionResume(SessionResumeEvent event) {
    resumes.add(event);
  }
}
