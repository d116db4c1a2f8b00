using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Specification;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<SpecificationVersion> SpecificationVersions => Set<SpecificationVersion>();
    public DbSet<SpecificationReview> SpecificationReviews => Set<SpecificationReview>();
    public DbSet<SpecificationAcknowledgement> SpecificationAcknowledgements => Set<SpecificationAcknowledgement>();
}
