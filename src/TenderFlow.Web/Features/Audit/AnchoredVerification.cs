using TenderFlow.Domain.Audit;

namespace TenderFlow.Web.Features.Audit;

/// <summary>The chain verified from the database file and, when one is given, checked against an anchor recorded earlier.</summary>
public sealed record AnchoredVerification(AuditVerification Chain, AuditAnchor? Anchor, AnchorBreak? AnchorBreak)
{
    public bool Ok => Chain.Intact && AnchorBreak is null;

    public string? AnchorProblem => Anchor is not null && AnchorBreak is not null ? Anchor.Describe(AnchorBreak) : null;

    /// <summary>The anchored event's hash is taken during the same walk, from the snapshot that was verified.</summary>
    public static AnchoredVerification Run(string connectionString, AuditAnchor? anchor)
    {
        if (anchor is null)
        {
            return new(AuditChainReader.Verify(connectionString), null, null);
        }
        var (chain, hash) = AuditChainReader.VerifyKeepingHashOf(connectionString, anchor.Sequence);
        return new(chain, anchor, anchor.Check(chain, hash));
    }
}
