namespace TenderFlow.Domain.Award;

public enum ObjectedDecision
{
    Selection,
    Award,
}

public enum ObjectionStatus
{
    Open,
    Advised,
    Upheld,
    Rejected,
}

/// <summary>
/// A bidder's objection (bezwaar) against the selection or the award decision, filed within the standstill. Legal advises,
/// then Procurement resolves. While open (or upheld and not yet acted on) it suspends moving on; a revision of the decision
/// supersedes every objection against the old one.
/// </summary>
public sealed class Objection
{
    public const int MaxTextLength = 8000;
    public const int MaxReceivedViaLength = 500;

    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public ObjectedDecision Decision { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string FiledByUserId { get; init; }
    public required string Grounds { get; init; }

    /// <summary>
    /// How an objection that reached the authority outside the portal came in (e-mail, letter, a served summons), as noted by the
    /// Legal or Procurement member who recorded it on the objector's behalf (then <see cref="FiledByUserId"/>); null when filed in the portal.
    /// </summary>
    public string? ReceivedVia { get; init; }
    public Guid? DocumentId { get; set; }
    public DateTime FiledAtUtc { get; init; }
    public DateTime StandstillEndUtc { get; init; }

    public ObjectionStatus Status { get; set; }
    public bool? AdviceUphold { get; set; }
    public string? AdviceReasoning { get; set; }
    public string? AdvisedByUserId { get; set; }
    public DateTime? AdvisedAtUtc { get; set; }

    public string? ResolutionReasoning { get; set; }
    public string? DeviationReason { get; set; }
    public string? ResolvedByUserId { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public Guid? OutcomeLetterDocumentId { get; set; }

    /// <summary>Set when the decision it was against is revised: it no longer blocks anything.</summary>
    public DateTime? SupersededAtUtc { get; set; }

    public bool IsOpen => Status is ObjectionStatus.Open or ObjectionStatus.Advised;

    /// <summary>Suspends the step onwards: not yet decided, or upheld and the decision not yet revised.</summary>
    public bool Blocks => SupersededAtUtc is null && (IsOpen || Status == ObjectionStatus.Upheld);
}
