namespace TenderFlow.Domain.Evaluation;

/// <summary>How Procurement settled a declared conflict of interest.</summary>
public enum ConflictResolution
{
    /// <summary>The conflict does not stand in the way (e.g. the relation ended long ago); the evaluator may assess.</summary>
    Cleared,

    /// <summary>The evaluator steps aside for this tender; their assessment is neither needed nor accepted.</summary>
    Recused,
}

/// <summary>
/// An evaluator's signed conflict-of-interest declaration for one tender, made before seeing any application content.
/// A declared conflict blocks the evaluator until Procurement resolves it (and keeps blocking when they are recused).
/// </summary>
public sealed class ConflictDeclaration
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string EvaluatorUserId { get; init; }
    /// <summary>Can only turn from false to true after signing (a relation seen only once the candidates are known).</summary>
    public bool HasConflict { get; set; }
    public string? Explanation { get; set; }
    public DateTime DeclaredAtUtc { get; init; }
    public ConflictResolution? Resolution { get; set; }
    public string? ResolutionReason { get; set; }
    public string? ResolvedByUserId { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }

    public bool Blocks => HasConflict && Resolution != ConflictResolution.Cleared;
}
