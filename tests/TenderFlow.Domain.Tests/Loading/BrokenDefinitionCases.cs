using System.Text.Json.Nodes;
using TenderFlow.Domain.Tests.Support;
using static TenderFlow.Domain.Tests.Support.MinimalDefinition;

namespace TenderFlow.Domain.Tests.Loading;

/// <summary>
/// One kind of broken definition per case: a mutation of <see cref="MinimalDefinition"/>, the JSON path the problem
/// must be reported at, and a fragment its reason must contain. Keyed by name so each case is its own test.
/// </summary>
public static class BrokenDefinitionCases
{
    private sealed record Case(Func<string> Json, string Path, string Fragment);

    private static Case Mutate(Action<JsonObject> mutation, string path, string fragment) =>
        new(() =>
        {
            var d = MinimalDefinition.Parse();
            mutation(d);
            return d.ToJsonString();
        }, path, fragment);

    /// <summary>A change to the JSON text itself, for what a JSON object cannot hold (a repeated property, 1.0 for 1).</summary>
    private static Case Raw(Func<string, string> change, string path, string fragment) =>
        new(() =>
        {
            var json = MinimalDefinition.Parse().ToJsonString();
            var changed = change(json);
            Assert.NotEqual(json, changed);
            return changed;
        }, path, fragment);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // What the JSON parser and the schema refuse.
        ["not JSON at all"] = new(() => "this is not json", "$", "not valid JSON"),
        ["truncated JSON"] = new(() => MinimalDefinition.Json[..40], "$", "not valid JSON"),
        ["missing required id"] = Mutate(d => d.Remove("id"), "$", "[\"id\"]"),
        ["missing required triggers"] = Mutate(d => d.Remove("triggers"), "$", "[\"triggers\"]"),
        ["version as string"] = Mutate(d => d["version"] = "1", "$.version", "\"integer\""),
        ["version zero"] = Mutate(d => d["version"] = 0, "$.version", "at least 1"),
        ["version with a decimal point"] = Raw(j => j.Replace("\"version\":1", "\"version\":1.0"), "$.version", "could not be converted"),
        ["version beyond a whole number"] = Raw(j => j.Replace("\"version\":1", "\"version\":99999999999"), "$.version", "at most 2147483647"),
        ["property given twice"] = Raw(j => j.Replace("\"version\":1", "\"version\":1,\"version\":0"), "$", "Duplicate"),
        ["id ending in a line break"] = Mutate(d => d["id"] = "mini\n", "$.id", "regular expression"),
        ["capability ending in a line break"] = Mutate(
            d => d.Phases(0)["capabilities"] = Strings("consultation.sessions\n"), "$.phases[0].capabilities[0]", "regular expression"),
        ["unknown extra property"] = Mutate(d => d["colour"] = "red", "$.colour", "not allowed"),
        ["unknown property in a phase"] = Mutate(d => d.Phases(0)["colour"] = "red", "$.phases[0].colour", "not allowed"),
        ["title missing en"] = Mutate(d => d["title"]!.AsObject().Remove("en"), "$.title", "[\"en\"]"),
        ["empty nl title of a phase"] = Mutate(d => d.Phases(1)["title"]!["nl"] = "", "$.phases[1].title.nl", "at least 1"),
        ["phase id not a name"] = Mutate(d => d.Phases(0)["id"] = "Draft Phase", "$.phases[0].id", "regular expression"),
        ["only one phase"] = Mutate(d => d["phases"] = new JsonArray(d.Phases(0).DeepClone()), "$.phases", "at least 2"),
        ["unknown deadline kind"] = Mutate(d => d.Deadlines(0)["kind"] = "floating", "$.deadlines[0].kind", "one of the values specified by the enum"),
        ["relative deadline without offset"] = Mutate(d => d.Deadlines(1).Remove("offset"), "$.deadlines[1]", "[\"offset\"]"),
        ["absolute deadline without at"] = Mutate(d => d.Deadlines(3).Remove("at"), "$.deadlines[3]", "[\"at\"]"),
        ["relativeTo naming both a deadline and a phase"] = Mutate(
            d => d.Deadlines(1)["relativeTo"]!["deadline"] = "kickoff", "$.deadlines[1].relativeTo", "at most 1"),
        ["guard that is not a dotted name"] = Mutate(d => d.Triggers(1)["guards"] = Strings("closed"), "$.triggers[1].guards[0]", "regular expression"),

        // What the semantic validator refuses.
        ["duplicate phase id"] = Mutate(d => d.AddPhase("open"), "$.phases[3].id", "duplicate phase id 'open'"),
        ["duplicate trigger id"] = Mutate(d => d.AddTrigger("start", ["draft"], "open"), "$.triggers[2].id", "duplicate trigger id 'start'"),
        ["duplicate deadline id"] = Mutate(d => d.AddRelativeDeadline("close", "kickoff"), "$.deadlines[4].id", "duplicate deadline id 'close'"),
        ["duplicate dialogue theme key"] = Mutate(
            d => d["dialogueThemes"]!.AsArray().Add(new JsonObject { ["key"] = "one", ["title"] = Text("Again") }),
            "$.dialogueThemes[2].key", "duplicate dialogue theme id 'one'"),
        ["duplicate quality criterion key"] = Mutate(
            d => d["qualityCriteria"] = new JsonArray(
                new JsonObject { ["key"] = "price", ["title"] = Text("Price") }, new JsonObject { ["key"] = "price", ["title"] = Text("Price again") }),
            "$.qualityCriteria[1].key", "duplicate quality criterion id 'price'"),
        ["unknown initial phase"] = Mutate(d => d["initialPhase"] = "nowhere", "$.initialPhase", "unknown phase 'nowhere'"),
        ["initial phase is an end state"] = Mutate(d => d["initialPhase"] = "done", "$.initialPhase", "'done' is an end state"),
        ["no end phase"] = Mutate(d => d.Phases(2)["end"] = false, "$.phases", "no phase is marked \"end\""),
        ["trigger from an unknown phase"] = Mutate(d => d.AddTrigger("jump", ["nowhere"], "done"), "$.triggers[2].from[0]", "unknown phase 'nowhere'"),
        ["trigger from an end phase"] = Mutate(d => d.AddTrigger("revive", ["done"], "draft"), "$.triggers[2].from[0]", "'done' is an end state"),
        ["trigger to an unknown phase"] = Mutate(d => d.Triggers(0)["to"] = "nowhere", "$.triggers[0].to", "unknown phase 'nowhere'"),
        ["star listed beside other phases in from"] = Mutate(
            d => d.Triggers(1)["from"] = Strings("*", "open"), "$.triggers[1].from", "\"*\" already means every open phase"),
        ["unknown role"] = Mutate(d => d.Triggers(0)["roles"] = Strings("Wizard"), "$.triggers[0].roles[0]", "unknown role 'Wizard'"),
        ["unknown guard"] = Mutate(
            d => d.Triggers(1)["guards"] = Strings("deadline.passed(close)", "weather.sunny"), "$.triggers[1].guards[1]", "unknown guard 'weather.sunny'"),
        ["guard needing a deadline without one"] = Mutate(
            d => d.Triggers(1)["guards"] = Strings("deadline.passed"), "$.triggers[1].guards[0]", "guard 'deadline.passed' needs a deadline id"),
        ["guard naming an unknown deadline"] = Mutate(
            d => d.Triggers(1)["guards"] = Strings("deadline.passed(nope)"), "$.triggers[1].guards[0]", "names unknown deadline 'nope'"),
        ["guard with an argument that takes none"] = Mutate(
            d => d.Triggers(1)["guards"] = Strings("deadline.passed(close)", "objections.noneOpen(close)"),
            "$.triggers[1].guards[1]", "guard 'objections.noneOpen' takes no argument"),
        ["unknown entry action"] = Mutate(
            d => d.Phases(1)["onEntry"] = Strings("dialogue.summonDragons"), "$.phases[1].onEntry[0]", "unknown entry action 'dialogue.summonDragons'"),
        ["unknown capability"] = Mutate(
            d => d.Phases(0)["capabilities"] = Strings("consultation.sessions", "tea.break"), "$.phases[0].capabilities[1]", "unknown capability 'tea.break'"),
        ["unreachable phase"] = Mutate(d =>
        {
            d.AddPhase("orphan");
            d.AddTrigger("leave", ["orphan"], "done");
        }, "$.phases[3]", "phase 'orphan' cannot be reached from the initial phase 'draft'"),
        ["phase with no path to an end state"] = Mutate(d =>
        {
            d.AddPhase("limbo");
            d.AddTrigger("enterLimbo", ["draft"], "limbo");
        }, "$.phases[3]", "phase 'limbo' has no path to an end state"),
        ["relative deadline on an unknown deadline"] = Mutate(
            d => d.Deadlines(2)["relativeTo"]!["deadline"] = "nope", "$.deadlines[2].relativeTo.deadline", "unknown deadline 'nope'"),
        ["relative deadline on an unknown phase"] = Mutate(
            d => d.Deadlines(1)["relativeTo"]!["phaseEntered"] = "nowhere", "$.deadlines[1].relativeTo.phaseEntered", "unknown phase 'nowhere'"),
        ["deadlines forming a cycle"] = Mutate(d =>
        {
            d.AddRelativeDeadline("a", "b");
            d.AddRelativeDeadline("b", "a");
        }, "$.deadlines[4].relativeTo.deadline", "deadlines form a cycle: a → b → a"),
        ["deadline after an unknown deadline"] = Mutate(
            d => d.Deadlines(3)["after"] = Strings("kickoff", "nope"), "$.deadlines[3].after[1]", "unknown deadline 'nope'"),
        ["deadline after itself"] = Mutate(
            d => d.Deadlines(3)["after"] = Strings("fixed"), "$.deadlines[3].after[0]", "the order of deadlines forms a cycle: fixed → fixed"),
        ["deadline after the one it is counted back from"] = Mutate(
            d => d.Deadlines(2)["after"] = Strings("close"), "$.deadlines[2].after[0]", "'after' is counted from 'close' with offset -P7D, so it can never come after it"),
        ["deadline after one counted forward from it"] = Mutate(d =>
        {
            d.AddRelativeDeadline("later", "kickoff", "P3D");
            d.Deadlines(0)["after"] = Strings("later");
        }, "$.deadlines[0].after[0]", "'later' is counted from 'kickoff' with offset P3D, so 'kickoff' can never come after it"),
        ["deadlines ordered in a cycle"] = Mutate(
            d => d.Deadlines(0)["after"] = Strings("fixed"), "$.deadlines[0].after[0]", "the order of deadlines forms a cycle: kickoff → fixed → kickoff"),
        ["deadline watched in an unknown phase"] = Mutate(
            d => d.Deadlines(0)["activeIn"] = Strings("draft", "nowhere"), "$.deadlines[0].activeIn[1]", "unknown phase 'nowhere'"),
        ["deadline watched in an end state"] = Mutate(
            d => d.Deadlines(0)["activeIn"] = Strings("done"), "$.deadlines[0].activeIn[0]", "'done' is an end state"),
        ["deadline firing an unknown trigger"] = Mutate(
            d => d.Deadlines(1)["fires"] = "vanish", "$.deadlines[1].fires", "unknown trigger 'vanish'"),
        ["deadline firing a trigger the scheduler may not fire"] = Mutate(
            d => d.Deadlines(0)["fires"] = "start", "$.deadlines[0].fires", "does not list role System"),
        ["deadline firing a trigger that needs a reason the scheduler cannot give"] = Mutate(
            d => d.Deadlines(1)["fires"] = "finish", "$.deadlines[1].fires", "trigger 'finish' requires a reason, which the scheduler cannot give"),
        ["deadline notifying an unknown audience"] = Mutate(
            d => d.Deadlines(0)["notify"] = Strings("procurement", "press"), "$.deadlines[0].notify[1]", "one of the values specified by the enum"),
        ["deadline escalating before it passes"] = Mutate(
            d => d.Deadlines(1)["escalateAfter"] = "-P1D", "$.deadlines[1].escalateAfter", "not a duration after the deadline"),
        ["deadline relative to itself"] = Mutate(
            d => d.Deadlines(2)["relativeTo"]!["deadline"] = "after", "$.deadlines[2].relativeTo.deadline", "deadlines form a cycle: after → after"),
        ["offset in months"] = Mutate(d => d.Deadlines(1)["offset"] = "P1M", "$.deadlines[1].offset", "'P1M' is not a duration"),
        ["offset over ten years in days and hours together"] = Mutate(
            d => d.Deadlines(1)["offset"] = "P3660DT87840H", "$.deadlines[1].offset", "'P3660DT87840H' is not a duration"),
        ["offset ending in a line break"] = Mutate(d => d.Deadlines(1)["offset"] = "P1D\n", "$.deadlines[1].offset", "is not a duration"),
        ["offset in years"] = Mutate(d => d.Deadlines(2)["offset"] = "P1Y", "$.deadlines[2].offset", "'P1Y' is not a duration"),
        ["negative reminder"] = Mutate(d => d.Deadlines(1)["reminders"] = Strings("-P1D"), "$.deadlines[1].reminders[0]", "'-P1D' is not a positive duration"),
        ["zero reminder"] = Mutate(d => d.Deadlines(0)["reminders"] = Strings("P7D", "PT0M"), "$.deadlines[0].reminders[1]", "'PT0M' is not a positive duration"),
        ["unparseable reminder"] = Mutate(d => d.Deadlines(0)["reminders"] = Strings("a week"), "$.deadlines[0].reminders[0]", "'a week' is not a positive duration"),
        ["absolute deadline without an offset in at"] = Mutate(
            d => d.Deadlines(3)["at"] = "2027-01-01T12:00:00", "$.deadlines[3].at", "not an ISO 8601 date-time with an offset"),
        ["absolute deadline with a date only"] = Mutate(
            d => d.Deadlines(3)["at"] = "2027-01-01", "$.deadlines[3].at", "not an ISO 8601 date-time with an offset"),
        ["planned deadline with a fixed date"] = Mutate(
            d => d.Deadlines(0)["at"] = "2027-01-01T12:00:00+01:00", "$.deadlines[0].at", "only absolute deadlines have a fixed date"),
        ["planned deadline with an offset"] = Mutate(
            d => d.Deadlines(0)["offset"] = "P1D", "$.deadlines[0].relativeTo", "only relative deadlines have relativeTo and offset"),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    public static string JsonFor(string name) => Cases[name].Json();
    public static string PathFor(string name) => Cases[name].Path;
    public static string FragmentFor(string name) => Cases[name].Fragment;
}
