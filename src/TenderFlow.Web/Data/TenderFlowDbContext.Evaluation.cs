using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Evaluation;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<KnockoutJudgement> KnockoutJudgements => Set<KnockoutJudgement>();
    public DbSet<IndividualScore> IndividualScores => Set<IndividualScore>();
    public DbSet<ConsensusScore> ConsensusScores => Set<ConsensusScore>();
    public DbSet<CandidateSelection> CandidateSelections => Set<CandidateSelection>();
    public DbSet<SelectionLetter> SelectionLetters => Set<SelectionLetter>();
}
