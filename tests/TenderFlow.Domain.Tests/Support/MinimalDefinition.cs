using System.Text.Json.Nodes;

namespace TenderFlow.Domain.Tests.Support;

/// <summary>
/// A small valid definition that uses every feature the loader checks (capabilities, entry actions, guards with and
/// without arguments, planned/relative/absolute deadlines, their order, reminders, themes). Broken-definition cases mutate it.
/// </summary>
public static class MinimalDefinition
{
    public const string Json = """
        {
          "id": "mini",
          "version": 1,
          "title": { "nl": "Mini", "en": "Mini" },
          "initialPhase": "draft",
          "phases": [
            { "id": "draft", "title": { "nl": "Concept", "en": "Draft" }, "capabilities": ["consultation.sessions"] },
            { "id": "open", "title": { "nl": "Open", "en": "Open" }, "capabilities": ["dialogue.themes"], "onEntry": ["dialogue.openThemes"] },
            { "id": "done", "title": { "nl": "Klaar", "en": "Done" }, "end": true, "onEntry": ["tender.recordOutcome"] }
          ],
          "triggers": [
            { "id": "start", "title": { "nl": "Start", "en": "Start" }, "from": ["draft"], "to": "open", "roles": ["Procurement"] },
            {
              "id": "finish", "title": { "nl": "Afronden", "en": "Finish" }, "from": ["open"], "to": "done",
              "roles": ["Procurement", "System"], "guards": ["deadline.passed(close)", "objections.noneOpen"], "reasonRequired": true
            }
          ],
          "deadlines": [
            { "id": "kickoff", "title": { "nl": "Aftrap", "en": "Kick-off" }, "kind": "planned", "reminders": ["P7D"] },
            {
              "id": "close", "title": { "nl": "Sluiting", "en": "Close" }, "kind": "relative",
              "relativeTo": { "phaseEntered": "open" }, "offset": "P20D", "rounding": "endOfDay", "reminders": ["P1D", "PT12H"]
            },
            { "id": "after", "title": { "nl": "Daarna", "en": "After" }, "kind": "relative", "relativeTo": { "deadline": "close" }, "offset": "-P7D" },
            { "id": "fixed", "title": { "nl": "Vast", "en": "Fixed" }, "kind": "absolute", "at": "2027-01-01T12:00:00+01:00", "after": ["kickoff"] }
          ],
          "dialogueThemes": [
            { "key": "one", "title": { "nl": "Een", "en": "One" } },
            { "key": "two", "title": { "nl": "Twee", "en": "Two" } }
          ]
        }
        """;

    public static JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();

    public static JsonObject Phases(this JsonObject d, int index) => d["phases"]![index]!.AsObject();
    public static JsonObject Triggers(this JsonObject d, int index) => d["triggers"]![index]!.AsObject();
    public static JsonObject Deadlines(this JsonObject d, int index) => d["deadlines"]![index]!.AsObject();

    public static JsonObject Text(string en) => new() { ["nl"] = en, ["en"] = en };

    public static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    public static void AddPhase(this JsonObject d, string id, bool end = false)
    {
        var phase = new JsonObject { ["id"] = id, ["title"] = Text(id) };
        if (end)
        {
            phase["end"] = true;
        }
        d["phases"]!.AsArray().Add(phase);
    }

    public static void AddTrigger(this JsonObject d, string id, string[] from, string to, string role = "Procurement") =>
        d["triggers"]!.AsArray().Add(new JsonObject
        {
            ["id"] = id, ["title"] = Text(id), ["from"] = Strings(from), ["to"] = to, ["roles"] = Strings(role),
        });

    public static void AddRelativeDeadline(this JsonObject d, string id, string relativeToDeadline, string offset = "P1D") =>
        d["deadlines"]!.AsArray().Add(new JsonObject
        {
            ["id"] = id, ["title"] = Text(id), ["kind"] = "relative",
            ["relativeTo"] = new JsonObject { ["deadline"] = relativeToDeadline }, ["offset"] = offset,
        });
}
