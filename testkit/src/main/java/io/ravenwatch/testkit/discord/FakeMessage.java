package io.ravenwatch.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message the bot posted, as the fake stores it: every version from the first post to the last
 * edit, and the thread started from it if any. A snapshot: later edits are not seen by this object.
 *
 * @param channelId the channel or thread it was posted in
 * @param threadId the thread started from this message, or null
 * @param versions oldest first; never empty
 */
public record FakeMessage(String id, String channelId, String threadId, List<Version> versions) {

  public FakeMessage {
    versions = List.copyOf(versions);
  }

  /** The message as it is now (after its last edit). */
  public Version current() {
    return versions.getLast();
  }

  public boolean edited() {
    return versions.size() > 1;
  }

  public Optional<String> thread() {
    return Optional.ofNullable(threadId);
  }

  public String content() {
    return current().content();
  }

  public List<Embed> embeds() {
    return current().embeds();
  }

  public List<Button> buttons() {
    return current().buttons();
  }

  public List<Attachment> attachments() {
    return current().attachments();
  }

  /**
   * The roles the message pinged when posted: mentioned in its content and allowed by its {@code
   * allowed_mentions}, as Discord reports them in {@code mention_roles}.
   */
  public List<String> pingedRoles() {
    var roles = new ArrayList<String>();
    versions.getFirst().json().path("mention_roles").forEach(r -> roles.add(r.asText()));
    return roles;
  }

  /** Whether only the invoking user sees it (flag 64). */
  public boolean ephemeral() {
    return (current().flags() & 64) != 0;
  }

  /**
   * One version of a message.
   *
   * @param actionRows the buttons of each action row, in order
   * @param json the message object the fake answered with
   */
  public record Version(
      String content,
      int flags,
      List<Embed> embeds,
      List<List<Button>> actionRows,
      List<Attachment> attachments,
      JsonNode json) {

    public Version {
      embeds = List.copyOf(embeds);
      actionRows = actionRows.stream().map(List::copyOf).toList();
      attachments = List.copyOf(attachments);
    }

    /** All buttons of all action rows. */
    public List<Button> buttons() {
      var all = new ArrayList<Button>();
      actionRows.forEach(all::addAll);
      return all;
    }

    static Version of(JsonNode message, List<Attachment> attachments) {
      var embeds = new ArrayList<Embed>();
      message.path("embeds").forEach(e -> embeds.add(Embed.of(e)));
      var rows = new ArrayList<List<Button>>();
      for (JsonNode row : message.path("components")) {
        var buttons = new ArrayList<Button>();
        row.path("components").forEach(c -> buttons.add(Button.of(c)));
        rows.add(buttons);
      }
      return new Version(
          message.path("content").asText(""),
          message.path("flags").asInt(0),
          embeds,
          rows,
          attachments,
          message.deepCopy());
    }
  }

  /** A rich embed; {@code color} is null when none was set. */
  public record Embed(
      String title,
      String description,
      Integer color,
      String url,
      String footer,
      List<Field> fields,
      JsonNode json) {

    public Embed {
      fields = List.copyOf(fields);
    }

    static Embed of(JsonNode e) {
      var fields = new ArrayList<Field>();
      e.path("fields")
          .forEach(
              f ->
                  fields.add(
                      new Field(
                          f.path("name").asText(),
                          f.path("value").asText(),
                          f.path("inline").asBoolean())));
      return new Embed(
          Json.text(e, "title"),
          Json.text(e, "description"),
          e.hasNonNull("color") ? e.get("color").asInt() : null,
          Json.text(e, "url"),
          Json.text(e.path("footer"), "text"),
          fields,
          e.deepCopy());
    }
  }

  /** An embed field. */
  public record Field(String name, String value, boolean inline) {}

  /**
   * A component of an action row (a button when {@code type} is 2): link buttons (style 5) have a
   * url and no custom id.
   */
  public record Button(
      int type, int style, String label, String customId, String url, boolean disabled) {
    static Button of(JsonNode c) {
      return new Button(
          c.path("type").asInt(),
          c.path("style").asInt(),
          Json.text(c, "label"),
          Json.text(c, "custom_id"),
          Json.text(c, "url"),
          c.path("disabled").asBoolean());
    }
  }

  /** A file uploaded with a message. */
  public record Attachment(String id, String filename, String contentType, byte[] bytes) {}
}
