using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

public sealed class TenderOperationTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_unassigned_evaluator_gets_no_operation_at_all_on_a_tender_not_theirs()
    {
        var created = await _app.Procurement().CreateTenderAsync();
        var evaluator = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "not-assigned"), new Claim(ClaimTypes.Role, "Evaluator")], "test"));
        using var scope = _app.Services.CreateScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var tender = new Tender
        {
            Id = Guid.Parse(created.Id()), Reference = "x", Title = "x", DefinitionId = "sas-dialogue", DefinitionVersion = 1, DefinitionHash = "", Phase = "consultation",
        };
        foreach (var operation in new[] { TenderOperations.Read, TenderOperations.ReadConfidential, TenderOperations.ReadAudit, TenderOperations.Manage })
        {
            Assert.False((await authorization.AuthorizeAsync(evaluator, tender, operation)).Succeeded, operation.Name);
        }
    }
}
