using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>Records the features of later issues will create (organisations via Admin, participation via applications), written directly.</summary>
public static class TestData
{
    public static async Task<Guid> OrganisationAsync(this TenderFlowFactory app, string name, string kvk)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var organisation = new Organisation { Id = Guid.NewGuid(), Name = name, KvkNumber = kvk, Address = "Vredenburg 40", PostalCode = "3511 BD", City = "Utrecht" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    public static async Task ParticipateAsync(this TenderFlowFactory app, string tenderId, Guid organisationId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        db.TenderParticipants.Add(new TenderParticipant { TenderId = Guid.Parse(tenderId), OrganisationId = organisationId, JoinedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
