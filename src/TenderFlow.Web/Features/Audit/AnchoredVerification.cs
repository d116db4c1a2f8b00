using Microsoft.Data.Sqlite;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Web.Features.Audit;

/// <summary>The chain verified from the database file and, when one is given, checked against an anchor recorded earlier.</summary>
public sealed record AnchoredVerification(AuditVerification Chain, AuditAnchor? Anchor, AnchorBreak? AnchorBreak)
{
    public bool Ok => Chain.Intact && AnchorBreak is null;

    public string? AnchorProblem => Anchor is not null && AnchorBreak is not null ? Anchor.Describe(AnchorBreak) : null;

    public static AnchoredVerification Run(string connectionString, AuditAnchor? anchor)
    {
        var chain = AuditChainReader.Verify(connectionString);
        return new(chain, anchor, anchor?.Check(chain, anchor.Sequence <= chain.EventCount ? HashAt(connectionString, anchor.Sequence) : null));
    }

    private static string? HashAt(string connectionString, long sequence)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Hash" FROM "AuditEvents" WHERE "Sequence" = $sequence""";
        command.Parameters.AddWithValue("$sequence", sequence);
        return command.ExecuteScalar() as string;
    }
}
