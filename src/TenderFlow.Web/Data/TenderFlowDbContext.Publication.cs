using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Questions;

namespace TenderFlow.Web.Data;

public sealed partial class TenderFlowDbContext
{
    public DbSet<PublicationDocument> PublicationDocuments => Set<PublicationDocument>();
    public DbSet<GuidelinePublication> GuidelinePublications => Set<GuidelinePublication>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<InformationNote> InformationNotes => Set<InformationNote>();
}
