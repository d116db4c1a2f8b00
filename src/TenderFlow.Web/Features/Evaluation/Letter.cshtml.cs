using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Evaluation;

public sealed class LetterModel(TenderSteps steps, IAuthorizationService authorization, SelectionDecisions decisions, Documents.DocumentReads reads)
    : EvaluationPageModel(steps, authorization)
{
    public IReadOnlyList<LetterView> Letters { get; private set; } = [];
    public PdfReport? Report { get; private set; }
    public SelectionLetter? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? applicationId, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        Letters = await decisions.LettersForAsync(id, User, ct);
        var chosen = applicationId ?? (Letters.Count == 1 ? Letters[0].ApplicationId : null);
        if (chosen is { } application)
        {
            // A letter addressed to someone else is not there for this reader.
            if (Letters.All(l => l.ApplicationId != application))
            {
                return NotFound();
            }
            if (await decisions.LetterAsync(Tender, application, PortalCultures.Language, ct) is { } found)
            {
                // Showing the letter is reading it: the same policy and the same audited read as its download (only a link: no read).
                if (found.Report is not null && await reads.AuthoriseAsync(found.Letter.DocumentId, User, ct) is null)
                {
                    return NotFound();
                }
                (Report, Letter) = found;
            }
        }
        return Page();
    }
}
