using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TenderFlow.Benchmarks;

// dotnet run -c Release --project tests/TenderFlow.Benchmarks -- engine|audit|deadlines|all|engine-profile [--events N]
//     [--deadlines N] [--window SECONDS] [--workers N] [--polling SECONDS] [--one-server]
//   engine         : engine steps vs raw SQLite, then audit verification vs raw SHA-256
//   audit          : audit verification only
//   deadlines      : N deadline (close) jobs on the real clock (Hangfire wake-ups on SQLite), one host, then two hosts
//   all            : engine, audit and deadlines
//   engine-profile : where a step's time goes (diagnostic, no targets)
// Exit code 0 when every target is met, 1 when one is missed, 2 on bad arguments.
var mode = args.FirstOrDefault() ?? "all";
var events = (int)Option("--events", 1_000_000);
var deadlines = new DeadlineSettings(
    Count: (int)Option("--deadlines", 10_000),
    WindowSeconds: (int)Option("--window", 120),
    Workers: (int)Option("--workers", 4),
    PollingSeconds: Option("--polling", 1),
    TwoServers: !args.Contains("--one-server"));
if (mode is not ("engine" or "audit" or "deadlines" or "all" or "engine-profile"))
{
    Console.Error.WriteLine("usage: TenderFlow.Benchmarks engine|audit|deadlines|all|engine-profile [--events N] " +
        "[--deadlines N] [--window SECONDS] [--workers N] [--polling SECONDS] [--one-server]");
    return 2;
}

var total = Stopwatch.StartNew();
var report = new Report(Console.Out);
Console.WriteLine($"TenderFlow benchmarks ({mode}) — {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
    $"{Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
#if DEBUG
Console.WriteLine("WARNING: Debug build; figures are only meaningful with -c Release.");
#endif
Console.WriteLine($"load average at start: {LoadAverage()} (other processes on this machine compete for the same cores and disk)");
using (var temp = new TempDirectory())
{
    Console.WriteLine($"temp directory: {temp.Path} (removed at the end)");
    if (mode is "engine-profile")
    {
        await EngineStepProfile.RunAsync(temp, report, steps: 1_000);
        return 0;
    }
    if (mode is "engine" or "all")
    {
        await EngineSection.RunAsync(temp, report);
    }
    if (mode is "engine" or "audit" or "all")
    {
        await AuditSection.RunAsync(temp, report, events);
    }
    if (mode is "deadlines" or "all")
    {
        await DeadlineSection.RunAsync(temp, report, deadlines);
    }
}
report.Summary();
Console.WriteLine($"  load average at end: {LoadAverage()}");
Console.WriteLine($"  total run time: {Report.Seconds(total.Elapsed)}");
return report.AllPassed ? 0 : 1;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

// A positive number after the option's name, or the default when the option is absent; anything else is a usage error.
double Option(string name, double fallback)
{
    var at = Array.IndexOf(args, name);
    if (at < 0)
    {
        return fallback;
    }
    if (at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
    {
        return value;
    }
    mode = "?";
    return fallback;
}
