using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Assessment;
using TenderFlow.Domain.Submission;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<TenderSubmission> TenderSubmissions => Set<TenderSubmission>();
    public DbSet<QualityJudgement> QualityJudgements => Set<QualityJudgement>();
    public DbSet<QualityConsensus> QualityConsensus => Set<QualityConsensus>();
}
