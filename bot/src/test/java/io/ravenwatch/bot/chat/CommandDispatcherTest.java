package io.ravenwatch.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ravenwatch.alerts.audit.AuditEntry;
import io.ravenwatch.alerts.audit.AuditEntry.Outcome;
import io.ravenwatch.bot.chat.ChatMessage.Button;
import io.ravenwatch.bot.chat.audit.AuditLog;
import io.ravenwatch.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CommandDispatcherTest {
  private static final String VIEWERS = "100000000000000001";
  private static final String SILENCERS = "100000000000000002";
  private static final String RESTARTERS = "100000000000000003";
  private static final String ACKERS = "100000000000000004";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T05:00:00Z"));
  private final TestCommands commands = new TestCommands();
  private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
  private final CommandDispatcher dispatcher =
      new CommandDispatcher(
          commands.registry(),
          permissions(),
          new AuditLog(List.of(audited::add)),
          new ConfirmationBook(Duration.ofSeconds(60)),
          clock);

  private final Caller alice =
      new Caller("200000000000000001", "alice", Set.of(VIEWERS, RESTARTERS, SILENCERS));
  private final Caller bob = new Caller("200000000000000002", "bob", Set.of(VIEWERS, RESTARTERS));
  private final Caller viewer = new Caller("200000000000000003", "vic", Set.of(VIEWERS));
  private final Caller acker = new Caller("200000000000000004", "ann", Set.of(ACKERS));

  private ListAppender<ILoggingEvent> logs;

  private static Permissions permissions() {
    var roles = new EnumMap<Capability, Set<String>>(Capability.class);
    roles.put(Capability.VIEW, Set.of(VIEWERS));
    roles.put(Capability.SILENCE, Set.of(SILENCERS));
    roles.put(Capability.RESTART, Set.of(RESTARTERS));
    roles.put(Capability.ACK, Set.of(ACKERS));
    return new Permissions(roles, EnumSet.allOf(Capability.class));
  }

  @AfterEach
  void detachLogs() {
    if (logs != null) {
      ((Logger) LoggerFactory.getLogger(Execution.class)).detachAppender(logs);
    }
  }

  private RecordingReply dispatch(
      Caller caller, String command, String sub, Map<String, String> options) {
    var reply = new RecordingReply();
    dispatcher.dispatch(new Invocation(caller, command, sub, options, reply));
    return reply;
  }

  private RecordingReply press(Caller caller, String id) {
    var reply = new RecordingReply();
    dispatcher.onButton(caller, id, reply);
    return reply;
  }

  private static String buttonId(ChatMessage message, String label) {
    return message.buttons().stream()
        .filter(b -> b.label().equals(label))
        .map(Button::id)
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("an allowed command runs, answers, and is audited as ok with its parameters")
  void allowedCommandRunsAndIsAudited() {
    RecordingReply reply = dispatch(viewer, "status", "", Map.of("target", "web1"));

    assertThat(reply.calls).containsExactly("send: all good: web1");
    assertThat(commands.ran).containsExactly("status web1");
    AuditEntry entry = audited.getFirst();
    assertThat(entry.outcome()).isEqualTo(Outcome.OK);
    assertThat(entry.action()).isEqualTo("/status");
    assertThat(entry.callerId()).isEqualTo(viewer.id());
    assertThat(entry.callerName()).isEqualTo("vic");
    assertThat(entry.roles()).containsExactly(VIEWERS);
    assertThat(entry.parameters()).containsExactly(Map.entry("target", "web1"));
  }

  @Test
  @DisplayName("a caller without the capability is refused ephemerally, and the refusal audited")
  void refusesWithoutCapabilityAndAudits() {
    RecordingReply reply =
        dispatch(viewer, "silence", "add", Map.of("matcher", "source=web1", "duration", "1h"));

    assertThat(reply.calls)
        .containsExactly("send ephemeral: You need the `silence` permission for /silence add.");
    assertThat(commands.ran).isEmpty();
    assertThat(audited)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
              assertThat(e.action()).isEqualTo("/silence add");
              assertThat(e.detail()).isEqualTo("needs the silence permission");
              assertThat(e.parameters()).containsEntry("matcher", "source=web1");
            });
  }

  @Test
  @DisplayName("the subcommand's capability applies: /silence list needs only view")
  void subcommandCapabilityApplies() {
    RecordingReply reply = dispatch(viewer, "silence", "list", Map.of());

    assertThat(commands.ran).containsExactly("silence list {}");
    assertThat(reply.calls).containsExactly("send ephemeral: Done.");
  }

  @Test
  @DisplayName("a destructive command shows its plan; the same user confirming in time runs it")
  void destructivePlanThenSameUserConfirms() {
    RecordingReply planReply = dispatch(alice, "restart", "", Map.of("target", "web1"));

    ChatMessage plan = planReply.last();
    assertThat(plan.content())
        .isEqualTo("Will restart web1.\nOnly alice can confirm this, within 60 seconds.");
    assertThat(plan.buttons()).extracting(Button::label).containsExactly("Confirm", "Cancel");
    assertThat(plan.buttons())
        .allSatisfy(b -> assertThat(b.id()).hasSizeLessThanOrEqualTo(ButtonIds.MAX_LENGTH));
    assertThat(buttonId(plan, "Confirm")).startsWith("confirm:");
    assertThat(buttonId(plan, "Cancel")).startsWith("cancel:");
    assertThat(commands.ran).isEmpty();
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.PLANNED);

    clock.advance(Duration.ofSeconds(59));
    RecordingReply confirmReply = press(alice, buttonId(plan, "Confirm"));

    assertThat(commands.ran).containsExactly("restart web1 by alice");
    assertThat(confirmReply.calls).containsExactly("send: Restarted web1");
    AuditEntry done = audited.getLast();
    assertThat(done.outcome()).isEqualTo(Outcome.OK);
    assertThat(done.action()).isEqualTo("/restart");
    assertThat(done.detail()).isEqualTo("confirmed");
    assertThat(done.parameters()).containsExactly(Map.entry("target", "web1"));

    RecordingReply again = press(alice, buttonId(plan, "Confirm"));
    assertThat(again.calls).containsExactly("send ephemeral: This confirmation expired.");
    assertThat(commands.ran).hasSize(1);
  }

  @Test
  @DisplayName("another user's confirmation is refused and audited; the owner can still confirm")
  void otherUserCannotConfirm() {
    ChatMessage plan = dispatch(alice, "restart", "", Map.of("target", "web1")).last();

    RecordingReply bobs = press(bob, buttonId(plan, "Confirm"));

    assertThat(bobs.calls).containsExactly("send ephemeral: Only alice can confirm this.");
    assertThat(commands.ran).isEmpty();
    AuditEntry refusal = audited.getLast();
    assertThat(refusal.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(refusal.callerName()).isEqualTo("bob");
    assertThat(refusal.action()).isEqualTo("/restart");
    assertThat(refusal.detail()).isEqualTo("confirm refused: the plan is alice's");

    press(alice, buttonId(plan, "Confirm"));
    assertThat(commands.ran).containsExactly("restart web1 by alice");
  }

  @Test
  @DisplayName("a confirmation after 61 s has expired and runs nothing")
  void confirmationExpires() {
    ChatMessage plan = dispatch(alice, "restart", "", Map.of("target", "web1")).last();

    clock.advance(Duration.ofSeconds(61));
    RecordingReply late = press(alice, buttonId(plan, "Confirm"));

    assertThat(late.calls).containsExactly("send ephemeral: This confirmation expired.");
    assertThat(commands.ran).isEmpty();
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(audited.getLast().action()).isEqualTo("/restart");
  }

  @Test
  @DisplayName("cancel by the same user drops the plan; confirming it afterwards runs nothing")
  void cancelDropsThePlan() {
    ChatMessage plan = dispatch(alice, "restart", "", Map.of("target", "web1")).last();

    RecordingReply cancelled = press(alice, buttonId(plan, "Cancel"));
    RecordingReply after = press(alice, buttonId(plan, "Confirm"));

    assertThat(cancelled.calls).containsExactly("send: Cancelled: /restart (alice).");
    assertThat(after.calls).containsExactly("send ephemeral: This confirmation expired.");
    assertThat(commands.ran).isEmpty();
    assertThat(audited)
        .extracting(AuditEntry::outcome)
        .containsExactly(Outcome.PLANNED, Outcome.CANCELLED, Outcome.EXPIRED);
  }

  @Test
  @DisplayName("a destructive command is refused before any plan without its capability")
  void destructiveRefusedWithoutCapability() {
    RecordingReply reply = dispatch(viewer, "restart", "", Map.of("target", "web1"));

    assertThat(reply.calls)
        .containsExactly("send ephemeral: You need the `restart` permission for /restart.");
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  @DisplayName("a bad plan input is answered with the command's reason, no buttons")
  void badPlanInput() {
    RecordingReply reply = dispatch(alice, "restart", "", Map.of("target", "nowhere"));

    assertThat(reply.calls).containsExactly("send ephemeral: No target called `nowhere`.");
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  @DisplayName(
      "a bug answers with an error id, logs it at ERROR with the stack trace, never in chat")
  void bugGetsAnErrorId() {
    logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(Execution.class)).addAppender(logs);

    RecordingReply reply = dispatch(viewer, "buggy", "", Map.of());

    String text = reply.last().content();
    assertThat(reply.last().ephemeral()).isTrue();
    assertThat(text)
        .matches(
            "Something went wrong \\(error id [A-Z2-9]{6}\\)\\. The details are in Ravenwatch's log\\.");
    assertThat(text).doesNotContain("IllegalStateException").doesNotContain("secret internals");
    String id = text.replaceAll(".*error id ([A-Z2-9]{6}).*", "$1");
    ILoggingEvent event = logs.list.getFirst();
    assertThat(event.getLevel()).isEqualTo(Level.ERROR);
    assertThat(event.getFormattedMessage()).contains(id).contains("/buggy");
    assertThat(event.getMDCPropertyMap()).containsEntry("errorId", id);
    assertThat(event.getThrowableProxy().getClassName())
        .isEqualTo(IllegalStateException.class.getName());
    AuditEntry entry = audited.getLast();
    assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(entry.errorId()).isEqualTo(id);
  }

  @Test
  @DisplayName("a CommandException's message is the short ephemeral answer")
  void commandExceptionMessageIsTheAnswer() {
    RecordingReply reply = dispatch(viewer, "status", "", Map.of("target", "nowhere"));

    assertThat(reply.calls).containsExactly("send ephemeral: No target called `nowhere`.");
    assertThat(audited.getLast().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(audited.getLast().detail()).isEqualTo("No target called `nowhere`.");
  }

  @Test
  @DisplayName("a slow command is deferred before it runs")
  void slowCommandIsDeferredFirst() {
    RecordingReply reply = dispatch(viewer, "graph", "", Map.of());

    assertThat(reply.calls).containsExactly("defer", "send: a graph");
  }

  @Test
  @DisplayName("unknown commands, subcommands and options get a short answer")
  void unknownThingsGetShortAnswers() {
    assertThat(dispatch(viewer, "reboot", "", Map.of()).calls)
        .containsExactly("send ephemeral: Unknown command /reboot.");
    assertThat(dispatch(alice, "silence", "", Map.of()).calls)
        .containsExactly("send ephemeral: Use /silence with one of: add, list.");
    assertThat(dispatch(viewer, "status", "", Map.of("colour", "red")).calls)
        .containsExactly("send ephemeral: Unknown option `colour` for /status (options: target).");
    assertThat(dispatch(alice, "silence", "add", Map.of()).calls)
        .containsExactly("send ephemeral: Missing option `matcher` for /silence add.");
    assertThat(dispatch(alice, "silence", "add", Map.of("matcher", "a=b", "duration", "2d")).calls)
        .containsExactly("send ephemeral: `duration` must be one of 1h, 4h.");
    assertThat(commands.ran).isEmpty();
    assertThat(audited).extracting(AuditEntry::outcome).containsOnly(Outcome.FAILED);
  }

  @Test
  @DisplayName("a command's button is routed with its payload after the capability check")
  void buttonRoutedAfterPermissionCheck() {
    String id = ButtonIds.command("ack", "0123456789abcdef");

    RecordingReply refused = press(viewer, id);
    RecordingReply allowed = press(acker, id);

    assertThat(refused.calls)
        .containsExactly("send ephemeral: You need the `ack` permission for this button.");
    assertThat(allowed.calls).containsExactly("send: acked 0123456789abcdef");
    assertThat(commands.ran).containsExactly("ack button 0123456789abcdef by ann");
    assertThat(audited)
        .extracting(AuditEntry::action, AuditEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("button ack", Outcome.REFUSED),
            org.assertj.core.groups.Tuple.tuple("button ack", Outcome.OK));
    assertThat(audited.getLast().parameters()).containsEntry("payload", "0123456789abcdef");
  }

  @Test
  @DisplayName(
      "a button of a command whose list needs only view still needs the stronger capability")
  void buttonOfMixedCommandNeedsTheStrongerCapability() {
    String id = ButtonIds.command("silence", "0123456789abcdef:4h");

    RecordingReply refused = press(viewer, id);
    press(alice, id);

    assertThat(refused.calls)
        .containsExactly("send ephemeral: You need the `silence` permission for this button.");
    assertThat(commands.ran).containsExactly("silence button 0123456789abcdef:4h by alice");
  }

  @Test
  @DisplayName("a button of an unknown command or format is answered, not crashed on")
  void unknownButtons() {
    assertThat(press(acker, "cmd:gone:x").calls)
        .containsExactly("send ephemeral: This button is not handled any more.");
    assertThat(press(acker, "weird").calls)
        .containsExactly("send ephemeral: This button is not handled any more.");
    assertThat(press(acker, "cmd:ack:").calls).containsExactly("send ephemeral: Which alert?");
  }

  @Test
  @DisplayName("autocomplete asks the command, only for those who may view")
  void autocompleteAsksTheCommand() {
    assertThat(dispatcher.autocomplete(viewer, "status", "target", "web"))
        .containsExactly("web1", "web2");
    assertThat(dispatcher.autocomplete(acker, "status", "target", "web")).isEmpty();
    assertThat(dispatcher.autocomplete(viewer, "nothing", "target", "web")).isEmpty();
  }

  @Test
  @DisplayName("the console operator holds the configured console capabilities")
  void consoleHoldsItsCapabilities() {
    RecordingReply reply = dispatch(Caller.CONSOLE, "silence", "add", Map.of("matcher", "a=b"));

    assertThat(reply.calls).containsExactly("send ephemeral: Done.");
    assertThat(audited.getLast().callerId()).isEqualTo("console");
  }
}
