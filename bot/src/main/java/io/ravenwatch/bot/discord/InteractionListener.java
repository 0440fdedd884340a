package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.Caller;
import io.ravenwatch.bot.chat.Command.Suggestion;
import io.ravenwatch.bot.chat.CommandDispatcher;
import io.ravenwatch.bot.chat.Invocation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Discord's interactions to the {@link CommandDispatcher}: slash commands as {@link
 * Invocation}s (the caller is the member with their roles at that moment; options as text),
 * autocomplete as up to 25 choices, button clicks as presses. Each runs on its own virtual thread,
 * never on JDA's event thread (a slow command would hold up every other event); if nothing was sent
 * after {@link #SAFETY_NET}, the reply is deferred so Discord hears back within its 3 s.
 */
final class InteractionListener extends ListenerAdapter {
  private static final Logger logger = LoggerFactory.getLogger(InteractionListener.class);

  /** Deferral if a handler has said nothing by then: Discord drops an interaction after 3 s. */
  static final Duration SAFETY_NET = Duration.ofMillis(2500);

  static final int CHOICES = 25;
  static final int CHOICE = 100;

  /** Buttons of a dispatcher's plan: their outcome replaces the plan message. */
  private static final List<String> PLAN_BUTTONS = List.of("confirm:", "cancel:");

  private final CommandDispatcher dispatcher;
  private final ExecutorService workers =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("discord-interaction-", 0).factory());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("discord-safety-net").daemon().factory());

  InteractionListener(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    String path = "/" + event.getFullCommandName();
    DiscordReply reply = DiscordReply.toSlash(event, path);
    var options = new LinkedHashMap<String, String>();
    for (OptionMapping o : event.getOptions()) {
      options.put(o.getName(), o.getAsString());
    }
    var invocation =
        new Invocation(
            caller(event.getMember(), event.getUser()),
            event.getName(),
            event.getSubcommandName(),
            options,
            reply);
    run(path, reply, () -> dispatcher.dispatch(invocation));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String id = Objects.requireNonNullElse(event.getComponentId(), "");
    boolean plan = PLAN_BUTTONS.stream().anyMatch(id::startsWith);
    DiscordReply reply = DiscordReply.toClick(event, plan, "button " + id);
    Caller caller = caller(event.getMember(), event.getUser());
    run("button " + id, reply, () -> dispatcher.onButton(caller, id, reply));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    AutoCompleteQuery focused = event.getFocusedOption();
    var given = new LinkedHashMap<String, String>();
    for (OptionMapping o : event.getOptions()) {
      if (!o.getName().equals(focused.getName())) {
        given.put(o.getName(), o.getAsString());
      }
    }
    Caller caller = caller(event.getMember(), event.getUser());
    submit(
        () -> {
          List<Suggestion> suggestions =
              dispatcher.suggest(
                  caller, event.getName(), focused.getName(), focused.getValue(), given);
          event.replyChoices(choices(suggestions, focused)).queue(ok -> {}, this::lateChoices);
        });
  }

  /** Up to 25 choices; a value Discord would refuse (too long, not a number) is left out. */
  static List<Command.Choice> choices(List<Suggestion> suggestions, AutoCompleteQuery focused) {
    return suggestions.stream()
        .filter(s -> s.value() != null && !s.value().isEmpty() && s.value().length() <= CHOICE)
        .map(s -> choice(s, focused))
        .filter(Objects::nonNull)
        .limit(CHOICES)
        .toList();
  }

  private static Command.Choice choice(Suggestion s, AutoCompleteQuery focused) {
    String label =
        MessageFitter.cut(s.label() == null || s.label().isBlank() ? s.value() : s.label(), CHOICE);
    try {
      return switch (focused.getType()) {
        case INTEGER -> new Command.Choice(label, Long.parseLong(s.value()));
        case NUMBER -> new Command.Choice(label, Double.parseDouble(s.value()));
        default -> new Command.Choice(label, s.value());
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void lateChoices(Throwable e) {
    logger.debug("autocomplete answer refused: {}", e.toString());
  }

  /** The member as they are now: id, name shown in the guild, role ids. */
  static Caller caller(Member member, User user) {
    if (member == null) {
      return new Caller(user.getId(), user.getEffectiveName(), Set.of());
    }
    return new Caller(
        member.getId(),
        member.getEffectiveName(),
        member.getRoles().stream().map(Role::getId).collect(Collectors.toSet()));
  }

  private void run(String what, DiscordReply reply, Runnable body) {
    submit(
        () -> {
          ScheduledFuture<?> net =
              timer.schedule(
                  () -> submit(reply::deferIfSilent), SAFETY_NET.toMillis(), TimeUnit.MILLISECONDS);
          try {
            body.run();
          } catch (RuntimeException e) {
            // The dispatcher answers failures itself; this is Discord refusing the answer.
            logger.warn("{}: the answer could not be sent: {}", what, e.toString());
          } finally {
            net.cancel(false);
          }
        });
  }

  private void submit(Runnable task) {
    try {
      workers.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              logger.warn("interaction handling failed: {}", e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      logger.debug("stopping: interaction ignored");
    }
  }

  /** Stops taking interactions; waits a little for those under way. */
  void close() throws InterruptedException {
    timer.shutdownNow();
    workers.shutdown();
    if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
  }
}
