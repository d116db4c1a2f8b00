using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Audit.Export;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Cli;

/// <summary>
/// Operator verbs on the same binary, so nobody needs HTTP for them:
///   workflows validate [DIR]        exit 1 and every problem when a definition is invalid
///   workflows mermaid ID [DIR]      the procedure as a Mermaid state diagram
///   audit verify [--data DIR] [--anchor SEQUENCE:HASH]
///                                   exit 1 and the first broken event when the chain is broken, or when it no longer
///                                   holds the anchor (events cut off its end, or rewritten with recomputed hashes)
///   audit verify --export FILE [--key FINGERPRINT]
///                                   checks an exported audit package offline (never opens a database): exit 0 valid,
///                                   1 with every problem and the first broken event, 2 when the file cannot be read
/// </summary>
public static class CliCommands
{
    public static bool Matches(string[] args) => args.Length >= 1 && args[0] is "workflows" or "audit";

    /// <summary>Per verb: the options it reads (with what their value is) and how many positional arguments it takes.</summary>
    private static readonly Dictionary<(string, string), (Dictionary<string, string> Options, int MinPositional, int MaxPositional)> Verbs = new()
    {
        [("workflows", "validate")] = (new(StringComparer.OrdinalIgnoreCase) { ["Workflows:Directory"] = "DIR" }, 0, 1),
        [("workflows", "mermaid")] = (new(StringComparer.OrdinalIgnoreCase) { ["Workflows:Directory"] = "DIR" }, 1, 2),
        [("audit", "verify")] = (new(StringComparer.OrdinalIgnoreCase)
        {
            ["data"] = "DIR", ["Data:Directory"] = "DIR", ["anchor"] = "SEQUENCE:HASH", ["export"] = "FILE", ["key"] = "FINGERPRINT",
        }, 0, 0),
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>The audit checks write to the given writers (tests run them in-process); the workflow verbs write to the console.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || !Verbs.TryGetValue((args[0], args[1]), out var verb))
        {
            return Task.FromResult(Usage());
        }
        // An option mistyped or left without its value must not be skipped silently: `--anchr …` would verify without the anchor.
        var (options, positional, misuse) = Read(args[0..2], args[2..], verb);
        misuse ??= Mixed(options);
        if (misuse is not null)
        {
            error.WriteLine(misuse);
            return Task.FromResult(Usage());
        }
        var configuration = Configuration(options);
        return Task.FromResult((args[0], args[1]) switch
        {
            ("workflows", "validate") => Validate(positional.FirstOrDefault() ?? WorkflowsDirectory.Resolve(configuration)),
            ("workflows", "mermaid") => Mermaid(positional[0], positional.ElementAtOrDefault(1) ?? WorkflowsDirectory.Resolve(configuration)),
            // What to check is said on the command line only: an environment variable named EXPORT or ANCHOR is no argument.
            ("audit", "verify") when options.GetValueOrDefault("export") is { } export => VerifyExport(export, options.GetValueOrDefault("key"), output, error),
            ("audit", "verify") => Verify(new DataDirectory(configuration), options.GetValueOrDefault("anchor"), output, error),
            _ => Usage(),
        });
    }

    /// <summary>
    /// The settings as the app reads them (appsettings files beside the binary, environment variables), with the command
    /// line's options on top: a verb must check the database and workflows the app runs on, not ./data by default.
    /// </summary>
    private static IConfiguration Configuration(Dictionary<string, string?> options)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(options)
            .Build();
    }

    /// <summary>
    /// `audit verify` checks either the database (--anchor) or an export package (--export, --key): an anchor given with a
    /// package, or a key without one, would be ignored while the check says OK. (--data beside --export is harmless: the
    /// package check never opens a database.)
    /// </summary>
    private static string? Mixed(Dictionary<string, string?> options)
    {
        var export = options.ContainsKey("export");
        return export && options.ContainsKey("anchor") ? "audit verify --export checks a package offline; --anchor belongs to verifying the database."
            : !export && options.ContainsKey("key") ? "audit verify --key belongs to --export FILE."
            : null;
    }

    private static int Validate(string directory)
    {
        var result = new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadDirectory(directory);
        foreach (var d in result.Definitions)
        {
            Console.WriteLine($"ok       {d.Id} v{d.Version}  sha256 {d.ContentHash}");
        }
        foreach (var problem in result.Problems)
        {
            Console.Error.WriteLine($"invalid  {problem}");
        }
        Console.WriteLine(result.IsValid
            ? $"{result.Definitions.Count} definition(s) valid in {directory}"
            : $"{result.Problems.Count} problem(s) in {directory}");
        return result.IsValid ? 0 : 1;
    }

    private static int Mermaid(string id, string directory)
    {
        var result = new DefinitionLoader(BehaviourRegistry.BuiltIn).LoadDirectory(directory);
        var definition = result.Definitions.Where(d => d.Id == id).MaxBy(d => d.Version);
        if (definition is null)
        {
            Console.Error.WriteLine($"No valid definition '{id}' in {directory}.");
            return 1;
        }
        Console.Write(new WorkflowEngine(BehaviourRegistry.BuiltIn).ToMermaid(definition));
        return 0;
    }

    private static int Verify(DataDirectory data, string? anchorText, TextWriter output, TextWriter error)
    {
        AuditAnchor? anchor = null;
        if (anchorText is not null && !AuditAnchor.TryParse(anchorText, out anchor))
        {
            error.WriteLine($"audit verify --anchor needs {AuditAnchor.Format}.");
            return 2;
        }
        if (!File.Exists(data.DatabaseFile))
        {
            error.WriteLine($"No TenderFlow database at {data.DatabaseFile}.");
            return 2;
        }
        output.WriteLine($"Audit trail in {data.DatabaseFile}");
        AnchoredVerification result;
        try
        {
            result = AnchoredVerification.Run(data.ConnectionString + ";Mode=ReadOnly", anchor);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // Not a TenderFlow database (no audit table, not SQLite at all) or not readable here: nothing was verified.
            error.WriteLine($"Cannot read the audit trail in {data.DatabaseFile}: {e.Message}");
            return 2;
        }
        var chain = result.Chain;
        if (!chain.Intact)
        {
            output.WriteLine($"BROKEN at event {chain.BrokenAtSequence}: {chain.Problem} ({chain.EventCount} events before it verified)");
            return 1;
        }
        if (anchor is null)
        {
            output.WriteLine($"OK: {chain.EventCount} events, head hash {chain.HeadHash}");
            if (chain.EventCount > 0)
            {
                output.WriteLine($"Keep this anchor outside the server to check later that no events were cut off or rewritten: --anchor {chain.EventCount}:{chain.HeadHash}");
            }
            return 0;
        }
        if (result.AnchorProblem is { } problem)
        {
            output.WriteLine($"ANCHOR FAILED ({anchor}): {problem}");
            output.WriteLine($"(The chain agrees with itself: {chain.EventCount} events, head hash {chain.HeadHash}; that alone cannot show this.)");
            return 1;
        }
        output.WriteLine($"OK: {chain.EventCount} events, head hash {chain.HeadHash}");
        output.WriteLine($"Anchor {anchor}: the chain still holds it");
        return 0;
    }

    private static int VerifyExport(string file, string? expectedFingerprint, TextWriter output, TextWriter error)
    {
        ExportVerificationReport report;
        try
        {
            report = AuditExportVerifier.Verify(file, expectedFingerprint);
        }
        catch (ExportUnreadableException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }
        return report.Ok ? 0 : 1;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: workflows validate [DIR] | workflows mermaid ID [DIR] | audit verify [--data DIR] [--anchor SEQUENCE:HASH] | audit verify --export FILE [--key FINGERPRINT]");
        return 2;
    }

    /// <summary>
    /// The options and arguments after the verb, in the forms the command line takes (--name value, --name=value, any
    /// case), or what is wrong with them: an option the verb does not read, one without a value, too many or too few arguments.
    /// </summary>
    private static (Dictionary<string, string?> Options, List<string> Positional, string? Problem) Read(
        string[] command, string[] rest, (Dictionary<string, string> Options, int MinPositional, int MaxPositional) verb)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        var name = string.Join(' ', command);
        for (var i = 0; i < rest.Length; i++)
        {
            if (!rest[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(rest[i]);
                continue;
            }
            var parts = rest[i][2..].Split('=', 2);
            if (!verb.Options.TryGetValue(parts[0], out var value))
            {
                return (options, positional, $"{name} has no option --{parts[0]}.");
            }
            var given = parts.Length == 2 ? parts[1] : i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal) ? rest[++i] : "";
            if (given.Trim().Length == 0)
            {
                return (options, positional, $"{name} --{parts[0]} needs {value}.");
            }
            options[parts[0]] = given;
        }
        return positional.Count < verb.MinPositional || positional.Count > verb.MaxPositional
            ? (options, positional, $"{name} takes {(verb.MaxPositional == 0 ? "no arguments besides its options" : $"{verb.MinPositional} to {verb.MaxPositional} argument(s)")}, not {positional.Count}.")
            : (options, positional, null);
    }
}
