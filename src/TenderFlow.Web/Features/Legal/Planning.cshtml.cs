using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Legal;

public sealed class PlanningModel(LegalDossier dossiers, IAuthorizationService authorization, TimeProvider clock) : LegalPageModel(dossiers, authorization)
{
    public PlanningPicture Picture { get; private set; } = null!;
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Picture = PlanningBuilder.Build(Dossier, clock.GetUtcNow().UtcDateTime);
        Svg = PlanningChart.Render(Picture, PlanningText.For(Picture));
        return Page();
    }
}
