using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Cli;

/// <summary>The operator verbs, run as a separate process exactly as an operator would.</summary>
public sealed class CliTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
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
        Assert.Contains("ok       sas-dialogue v3", output);
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
        using var app = new TenderFlowFactory(data.Path);
        var procurement = app.Procurement();
        var tender = await procurement.CreateTenderAsync();
        await procurement.FireAsync(tender.Id(), "cancel", "no budget");
        return data;
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
        Assert.Equal(0, okExit);
        Assert.Matches($@"OK: {stored} events, head hash [0-9a-f]{{64}}", okOutput);

        using (var connection = new SqliteConnection($"Data Source={data.FilePath("tenderflow.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """DROP TRIGGER "AuditEvents_NoUpdate"; UPDATE "AuditEvents" SET "ActorId" = 'someone-else' WHERE "Sequence" = 2;""";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
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
        Assert.Equal(0, okExit);
        Assert.Contains($"Anchor {anchor}: the chain still holds it", okOutput);

        Audit.ChainForgery.RewriteFrom(connectionString, 2, "user:someone-else");
        SqliteConnection.ClearAllPools();
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
}
