package io.ravenwatch.bot.discord;

import io.ravenwatch.bot.chat.ChatMessage;
import io.ravenwatch.bot.chat.Reply;
import java.util.concurrent.locks.ReentrantLock;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Reply} over one Discord interaction. Each call waits for Discord's answer, so the calls
 * of one reply reach Discord in order; the dispatcher calls it from a worker thread, never from
 * JDA's event thread.
 *
 * <p>A slash command: the first {@link #send} is the interaction's reply (ephemeral when the
 * message is), {@link #defer} is a deferred reply ("thinking…") that the next send or edit
 * replaces, later sends are follow-ups and {@link #edit} edits the answer. A placeholder cannot
 * change who sees it: when the answer's ephemeral flag differs from the deferral's (a slow command
 * failing with a private reason), the answer is a follow-up and the placeholder is deleted.
 *
 * <p>A button click: an ephemeral message is always an ephemeral answer to the clicker, the clicked
 * message left alone. A public message either UPDATES the clicked message (buttons of a plan,
 * Confirm and Cancel: the outcome replaces the plan and its buttons) or is a new public reply (a
 * command's own buttons, e.g. Acknowledge on an alert: the alert message is the notifier's and must
 * stay). {@link #defer} on a click acknowledges it invisibly (a deferred update); the answer then
 * updates the clicked message or goes out as a follow-up, ephemeral or not as it says.
 */
final class DiscordReply implements Reply {
  private static final Logger logger = LoggerFactory.getLogger(DiscordReply.class);

  private enum State {
    NONE,
    DEFERRED,
    ANSWERED
  }

  private final IReplyCallback interaction;

  /** The clicked message's interaction, or null for a slash command. */
  private final IMessageEditCallback click;

  private final boolean updatesClicked;
  private final String what;
  private final ReentrantLock lock = new ReentrantLock();
  private State state = State.NONE;

  /** The follow-up that holds the answer (edits go there), or null: the original response. */
  private String answerId;

  private boolean deferredEphemeral;

  private DiscordReply(
      IReplyCallback interaction, IMessageEditCallback click, boolean updatesClicked, String what) {
    this.interaction = interaction;
    this.click = click;
    this.updatesClicked = updatesClicked;
    this.what = what;
  }

  /** The reply to a slash command ({@code what}, e.g. "/status", names it in the log). */
  static DiscordReply toSlash(IReplyCallback interaction, String what) {
    return new DiscordReply(interaction, null, false, what);
  }

  /**
   * The reply to a button click; {@code updatesClicked}: public answers replace the clicked
   * message.
   */
  static <T extends IReplyCallback & IMessageEditCallback> DiscordReply toClick(
      T click, boolean updatesClicked, String what) {
    return new DiscordReply(click, click, updatesClicked, what);
  }

  @Override
  public void send(ChatMessage message) {
    lock.lock();
    try {
      switch (state) {
        case NONE -> first(message);
        case DEFERRED -> afterDeferral(message);
        case ANSWERED -> followUp(message);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void edit(ChatMessage message) {
    lock.lock();
    try {
      switch (state) {
        case NONE -> first(message);
        case DEFERRED -> afterDeferral(message);
        case ANSWERED -> {
          if (answerId == null) {
            hook().editOriginal(DiscordMessages.edit(message)).complete();
          } else {
            hook().editMessageById(answerId, DiscordMessages.edit(message)).complete();
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void defer(boolean ephemeral) {
    lock.lock();
    try {
      if (state != State.NONE) {
        return;
      }
      if (click != null) {
        click.deferEdit().complete();
      } else {
        interaction.deferReply(ephemeral).complete();
        deferredEphemeral = ephemeral;
      }
      state = State.DEFERRED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The safety net: defers when nothing has been sent yet, so that Discord hears back within its 3
   * s even from a command that is slower than it said.
   */
  void deferIfSilent() {
    lock.lock();
    try {
      if (state == State.NONE) {
        logger.info("{} has not answered yet: deferring its reply", what);
        defer(false);
      }
    } finally {
      lock.unlock();
    }
  }

  private void first(ChatMessage message) {
    if (click != null && updatesClicked && !message.ephemeral()) {
      click.editMessage(DiscordMessages.edit(message)).complete();
    } else {
      interaction
          .reply(DiscordMessages.create(message))
          .setEphemeral(message.ephemeral())
          .complete();
    }
    state = State.ANSWERED;
  }

  private void afterDeferral(ChatMessage message) {
    boolean placeholderFits = click == null && message.ephemeral() == deferredEphemeral;
    if (placeholderFits || (click != null && updatesClicked && !message.ephemeral())) {
      // The "thinking…" placeholder, or the clicked message after a deferred update.
      hook().editOriginal(DiscordMessages.edit(message)).complete();
    } else {
      answerId = post(message).getId();
      if (click == null) {
        // A placeholder cannot change who sees it: the answer is a follow-up, the placeholder goes.
        hook().deleteOriginal().complete();
      }
    }
    state = State.ANSWERED;
  }

  /** A further message; edits still go to the first answer. */
  private void followUp(ChatMessage message) {
    post(message);
  }

  private Message post(ChatMessage message) {
    return hook()
        .sendMessage(DiscordMessages.create(message))
        .setEphemeral(message.ephemeral())
        .complete();
  }

  private InteractionHook hook() {
    return interaction.getHook();
  }
}
