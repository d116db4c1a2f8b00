using System.Diagnostics;
using System.Globalization;

namespace TenderFlow.Benchmarks;

/// <summary>Prints the figures as aligned "label .... value" lines and keeps the PASS/FAIL verdicts for the summary.</summary>
public sealed class Report(TextWriter output)
{
    private const int LabelWidth = 44;
    private readonly List<(string Target, bool Passed)> _targets = [];

    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public bool AllPassed => _targets.TrueForAll(t => t.Passed);

    public void Title(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
        output.WriteLine(new string('-', text.Length));
    }

    public void Line(string label, string value) =>
        output.WriteLine($"  {(label + " ").PadRight(LabelWidth, '.')} {value}");

    public void Note(string text) => output.WriteLine($"  {text}");

    public void Target(string description, bool passed, string actual)
    {
        _targets.Add((description, passed));
        output.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {description}: {actual}");
    }

    public void Summary()
    {
        Title("Summary");
        Line("process peak working set", $"{Mb(Process.GetCurrentProcess().PeakWorkingSet64)} MB");
        foreach (var (target, passed) in _targets)
        {
            output.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {target}");
        }
        output.WriteLine($"  {(AllPassed ? "ALL TARGETS MET" : "SOME TARGETS MISSED")}");
    }

    public static string Rate(double perSecond) => perSecond.ToString("N0", Culture);

    public static string Percent(double ratio) => (ratio * 100).ToString("N1", Culture) + " %";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N3", Culture) + " s";

    public static string Mb(long bytes) => (bytes / 1_000_000d).ToString("N1", Culture);

    public static string Count(long value) => value.ToString("N0", Culture);
}
