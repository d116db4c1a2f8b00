using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Cli;

/// <summary>The operator verbs, run as a separate process exactly as an operator would.</summary>
public sealed class CliTests
{
    private static (int ExitCode, string Output) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    private static (int ExitCode, string Output) RunWith(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TenderFlow.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the CLI did not finish within a minute");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Workflows_validate_accepts_the_repository_definitions()
    {
        var (exit, output) = Run("workflows", "validate", RepositoryPaths.Workflows);
        Assert.Equal(0, exit);
        Assert.Contains("ok       sas-dialogue v8", output);
        Assert.Contains("ok       open-house v2", output);
    }

    [Fact]
    public void Workflows_validate_exits_1_with_every_problem()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.FilePath("broken.json"), """{ "id": "Broken Id", "version": "one" }""");
        var (exit, output) = Run("workflows", "validate", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains("broken.json: $.id:", output);
        Assert.Contains("broken.json: $.version:", output);
        Assert.Contains("broken.json: $:", output);
    }

    /// <summary>A data directory with a tender created and cancelled, its app shut down.</summary>
    private static async Task<TempDirectory> DataWithHistoryAsync()
    {
        var data = new TempDirectory();
        using (var app = new TenderFlowFactory(data.Path))
        {
            var procurement = app.Procurement();
            var tender = await procurement.CreateTenderAsync();
            await procurement.FireAsync(tender.Id(), "cancel", "no budget");
        }
        // Shut down means the app's pooled connections are closed too, as when its process ends: the CLI then opens a
        // database nobody holds. Left open, a read-only CLI could meet a WAL it may not recover (a CI run once exited 2).
        SqlitePools.Clear(data.Path);
        return data;
    }

    // The app reads its settings from environment variables too (README): the verbs must check what the app runs on, not
    // whatever ./data or the bundled workflows folder happen to hold.
    [Fact]
    public async Task The_verbs_read_the_data_and_workflows_folders_from_the_environment_as_the_app_does()
    {
        using var data = await DataWithHistoryAsync();
        using var empty = new TempDirectory();

        var (exit, output) = RunWith(new() { ["Data__Directory"] = data.Path }, "audit", "verify");
        Assert.True(exit == 0, output);
        Assert.Contains(data.Path, output);

        // What to check is an argument, never a setting: EXPORT in the environment does not turn this into a package check.
        (exit, output) = RunWith(new() { ["EXPORT"] = empty.FilePath("no-such-package.zip"), ["ANCHOR"] = "1:00" }, "audit", "verify", "--data", data.Path);
        Assert.True(exit == 0, output);
        Assert.Contains("OK:", output);

        File.WriteAllText(empty.FilePath("broken.json"), """{ "id": "Broken Id" }""");
        (exit, output) = RunWith(new() { ["Workflows__Directory"] = empty.Path }, "workflows", "validate");
        Assert.Equal(1, exit);
        Assert.Contains("broken.json", output);
    }

    [Fact]
    public async Task Audit_verify_reports_ok_and_then_the_first_broken_event()
    {
        using var data = await DataWithHistoryAsync();
        long stored;
        using (var connection = new SqliteConnection($"Data Source={data.FilePath("tenderflow.db")}"))
        {
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = """SELECT COUNT(*) FROM "AuditEvents" """;
            stored = (long)count.ExecuteScalar()!;
        }
        var (okExit, okOutput) = Run("audit", "verify", "--data", data.Path);
        Assert.True(okExit == 0, $"exit {okExit}: {okOutput}");
        Assert.Matches($@"OK: {stored} events, head hash [0-9a-f]{{64}}", okOutput);

        using (var connection = new SqliteConnection($"Data Source={data.FilePath("tenderflow.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """DROP TRIGGER "AuditEvents_NoUpdate"; UPDATE "AuditEvents" SET "ActorId" = 'someone-else' WHERE "Sequence" = 2;""";
            command.ExecuteNonQuery();
        }
        SqlitePools.Clear(data.Path);
        var (brokenExit, brokenOutput) = Run("audit", "verify", "--data", data.Path);
        Assert.Equal(1, brokenExit);
        Assert.Contains("BROKEN at event 2", brokenOutput);
    }

    [Fact]
    public async Task Audit_verify_against_an_anchor_finds_a_rewrite_the_chain_alone_cannot()
    {
        using var data = await DataWithHistoryAsync();
        var connectionString = $"Data Source={data.FilePath("tenderflow.db")}";
        var anchor = Audit.ChainForgery.Head(connectionString);
        var (okExit, okOutput) = Run("audit", "verify", "--data", data.Path, "--anchor", anchor);
        Assert.True(okExit == 0, $"exit {okExit}: {okOutput}");
        Assert.Contains($"Anchor {anchor}: the chain still holds it", okOutput);

        Audit.ChainForgery.RewriteFrom(connectionString, 2, "user:someone-else");
        SqlitePools.Clear(data.Path);
        var (plainExit, _) = Run("audit", "verify", "--data", data.Path);
        var (brokenExit, brokenOutput) = Run("audit", "verify", "--data", data.Path, "--anchor", anchor);

        Assert.Equal(0, plainExit);
        Assert.Equal(1, brokenExit);
        Assert.Contains($"ANCHOR FAILED ({anchor}): event {anchor.Split(':')[0]} now has hash", brokenOutput);
        var (otherFormExit, otherFormOutput) = Run("audit", "verify", "--data", data.Path, $"--Anchor={anchor}");
        Assert.Equal(1, otherFormExit);
        Assert.Contains("ANCHOR FAILED", otherFormOutput);
        foreach (var bad in new[] { new[] { "--anchor", "twelve" }, ["--anchor=twelve"], ["--anchor"] })
        {
            var (badExit, badOutput) = Run(["audit", "verify", "--data", data.Path, .. bad]);
            Assert.Equal(2, badExit);
            Assert.Contains("--anchor needs SEQUENCE:HASH", badOutput);
        }
    }

    [Fact]
    public void Options_and_arguments_may_come_in_any_order_and_either_option_form()
    {
        foreach (var args in new[]
        {
            new[] { "workflows", "mermaid", $"--Workflows:Directory={RepositoryPaths.Workflows}", "open-house" },
            ["workflows", "mermaid", "--workflows:directory", RepositoryPaths.Workflows, "open-house"],
            ["workflows", "mermaid", "open-house", RepositoryPaths.Workflows],
        })
        {
            var (exit, output) = Run(args);
            Assert.True(exit == 0, $"{string.Join(' ', args)}: {output}");
            Assert.StartsWith("stateDiagram-v2", output.TrimStart());
        }
        var (missingExit, missingOutput) = Run("workflows", "mermaid", $"--Workflows:Directory={RepositoryPaths.Workflows}");
        Assert.Equal(2, missingExit);
        Assert.Contains("workflows mermaid takes 1 to 2 argument(s), not 0.", missingOutput);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("workflows")]
    [InlineData("audit", "check")]
    public void A_verb_without_its_subcommand_prints_the_usage_instead_of_starting_the_server(params string[] args)
    {
        var (exit, output) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: workflows validate", output);
    }

    [Fact]
    public async Task A_mistyped_or_empty_option_or_a_stray_argument_is_refused_not_skipped()
    {
        using var data = await DataWithHistoryAsync();
        var anchor = Audit.ChainForgery.Head($"Data Source={data.FilePath("tenderflow.db")}");
        foreach (var (args, says) in new (string[], string)[]
        {
            (["--data", data.Path, "--anchr", anchor], "audit verify has no option --anchr."),
            (["--data", data.Path, $"--anchr={anchor}"], "audit verify has no option --anchr."),
            (["--data"], "audit verify --data needs DIR."),
            (["--data", "--anchor", anchor], "audit verify --data needs DIR."),
            (["--data", data.Path, "--anchor="], "audit verify --anchor needs SEQUENCE:HASH."),
            (["--data", data.Path, anchor], "audit verify takes no arguments besides its options, not 1."),
            (["--export", data.FilePath("package.zip"), "--anchor", anchor], "audit verify --export checks a package offline; --anchor belongs to verifying the database."),
            (["--data", data.Path, "--key", "ABCD"], "audit verify --key belongs to --export FILE."),
        })
        {
            var (exit, output) = Run(["audit", "verify", .. args]);
            Assert.Equal(2, exit);
            Assert.Contains(says, output);
            Assert.DoesNotContain("OK:", output);
        }
        var (validExit, _) = Run("audit", "verify", $"--DATA={data.Path}", "--Anchor", anchor);
        Assert.Equal(0, validExit);
    }

    [Fact]
    public void Audit_verify_on_a_file_that_is_no_tenderflow_database_says_so_in_one_line()
    {
        using var notSqlite = new TempDirectory();
        File.WriteAllText(notSqlite.FilePath("tenderflow.db"), "this is not a database, just a text file that happens to have the name");
        using var noAuditTable = new TempDirectory();
        using (var connection = new SqliteConnection($"Data Source={noAuditTable.FilePath("tenderflow.db")}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """CREATE TABLE "Other" ("Id" INTEGER PRIMARY KEY)""";
            create.ExecuteNonQuery();
        }
        SqlitePools.Clear(noAuditTable.Path);

        foreach (var (dir, says) in new[] { (notSqlite, "file is not a database"), (noAuditTable, "no such table: AuditEvents") })
        {
            var (exit, output) = Run("audit", "verify", "--data", dir.Path);
            Assert.Equal(2, exit);
            Assert.Contains($"Cannot read the audit trail in {dir.FilePath("tenderflow.db")}:", output);
            Assert.Contains(says, output);
            Assert.DoesNotContain("Unhandled exception", output);
        }
    }
}
