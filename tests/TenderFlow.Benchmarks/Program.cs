using System.Diagnostics;
using System.Runtime.InteropServices;
using TenderFlow.Benchmarks;

// dotnet run -c Release --project tests/TenderFlow.Benchmarks -- engine|audit|all|engine-profile [--events N]
//   engine, all    : engine steps vs raw SQLite, then audit verification vs raw SHA-256
//   audit          : audit verification only
//   engine-profile : where a step's time goes (diagnostic, no targets)
// Exit code 0 when every target is met, 1 when one is missed, 2 on bad arguments.
var mode = args.FirstOrDefault() ?? "all";
var events = 1_000_000;
var eventsAt = Array.IndexOf(args, "--events");
if (eventsAt >= 0 && (eventsAt + 1 >= args.Length || !int.TryParse(args[eventsAt + 1], out events) || events < 1))
{
    mode = "?";
}
if (mode is not ("engine" or "audit" or "all" or "engine-profile"))
{
    Console.Error.WriteLine("usage: TenderFlow.Benchmarks engine|audit|all|engine-profile [--events N]");
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
    await AuditSection.RunAsync(temp, report, events);
}
report.Summary();
Console.WriteLine($"  load average at end: {LoadAverage()}");
Console.WriteLine($"  total run time: {Report.Seconds(total.Elapsed)}");
return report.AllPassed ? 0 : 1;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
