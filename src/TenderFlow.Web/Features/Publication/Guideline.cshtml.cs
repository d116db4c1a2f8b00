using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Publication;

/// <summary>
/// The selection guideline page: everyone who may read the tender sees the published guideline; Procurement edits the draft
/// item by item (each change goes through the same whole-guideline validation as the API) and publishes it.
/// </summary>
public sealed class GuidelineModel(TenderFlowDbContext db, SelectionGuideline guideline, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public GuidelineView? Guideline { get; private set; }
    public bool MayManage { get; private set; }
    public bool IsStaff { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    [BindProperty] public RequirementForm Requirement { get; set; } = new();
    [BindProperty] public CriterionForm Criterion { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? editRequirement, string? editCriterion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (MayManage && Guideline is not null)
        {
            if (Guideline.Requirements.FirstOrDefault(r => r.Code == editRequirement) is { } r)
            {
                Requirement = new RequirementForm { Code = r.Code, TextNl = r.TextNl, TextEn = r.TextEn };
            }
            if (Guideline.Criteria.FirstOrDefault(c => c.Code == editCriterion) is { } c)
            {
                Criterion = new CriterionForm
                {
                    Code = c.Code, TitleNl = c.TitleNl, TitleEn = c.TitleEn, DescriptionNl = c.DescriptionNl, WeightPercent = c.WeightPercent,
                    ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax, MinimumScore = c.MinimumScore,
                    Descriptors = string.Join("\n", c.Descriptors.Select(d => $"{d.Score}: {d.TextNl}")),
                };
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostSaveRequirementAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, input =>
    {
        var code = Requirement.Code?.Trim() ?? "";
        var list = input.Requirements!.ToList();
        var item = new RequirementInput(code, Requirement.TextNl, Requirement.TextEn);
        var at = list.FindIndex(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (at >= 0) { list[at] = item; } else { list.Add(item); }
        return (input with { Requirements = list }, null);
    }, "The requirement has been saved.", cancellationToken);

    public Task<IActionResult> OnPostRemoveRequirementAsync(Guid id, string? code, CancellationToken cancellationToken) => ChangeAsync(id, input =>
        (input with { Requirements = input.Requirements!.Where(r => r.Code != code).ToList() }, null), "The requirement has been removed.", cancellationToken);

    public Task<IActionResult> OnPostSaveCriterionAsync(Guid id, CancellationToken cancellationToken) => ChangeAsync(id, input =>
    {
        var (descriptors, problem) = ParseDescriptors(Criterion.Descriptors);
        if (problem is not null)
        {
            return (input, problem);
        }
        var code = Criterion.Code?.Trim() ?? "";
        var list = input.Criteria!.ToList();
        var item = new CriterionInput(code, Criterion.TitleNl, Criterion.TitleEn, Criterion.DescriptionNl, null, Criterion.WeightPercent ?? 0,
            Criterion.ScaleMin ?? 0, Criterion.ScaleMax ?? 0, Criterion.MinimumScore, descriptors);
        var at = list.FindIndex(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            // The portal form has no English fields for the description and the score descriptors: keep what the API wrote,
            // for each score that is still described.
            var english = (list[at].Descriptors ?? []).GroupBy(d => d.Score).ToDictionary(g => g.Key, g => g.First().TextEn);
            item = item with
            {
                DescriptionEn = list[at].DescriptionEn,
                Descriptors = descriptors.Select(d => d with { TextEn = english.GetValueOrDefault(d.Score) }).ToList(),
            };
            list[at] = item;
        }
        else
        {
            list.Add(item);
        }
        return (input with { Criteria = list }, null);
    }, "The criterion has been saved.", cancellationToken);

    public Task<IActionResult> OnPostRemoveCriterionAsync(Guid id, string? code, CancellationToken cancellationToken) => ChangeAsync(id, input =>
        (input with { Criteria = input.Criteria!.Where(c => c.Code != code).ToList() }, null), "The criterion has been removed.", cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!MayManage)
        {
            return Forbid();
        }
        if (await guideline.PublishAsync(id, User.ToActor(), cancellationToken) is { } violation)
        {
            return await RefusedAsync(id, violation, cancellationToken);
        }
        TempData["Message"] = PortalText.Get("The selection guideline has been published.");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<GuidelineInput, (GuidelineInput Input, RuleViolation? Problem)> change, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!MayManage)
        {
            return Forbid();
        }
        var (input, problem) = change(SelectionGuideline.ToInput(Guideline!));
        if ((problem ?? await guideline.SaveAsync(id, input, User.ToActor(), cancellationToken)) is { } violation)
        {
            return await RefusedAsync(id, violation, cancellationToken);
        }
        TempData["Message"] = PortalText.Get(done);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefusedAsync(Guid id, RuleViolation violation, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Error = PortalText.For(violation.Message);
        ErrorField = violation.Field;
        Response.StatusCode = violation.Kind == RuleKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>One descriptor per line: "score: text", e.g. "10: uitstekend onderbouwde visie".</summary>
    private static (List<DescriptorInput> Descriptors, RuleViolation? Problem) ParseDescriptors(string? text)
    {
        var list = new List<DescriptorInput>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || !int.TryParse(line[..colon].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
            {
                return (list, new RuleViolation("DescriptorFormatRule", RuleKind.Invalid,
                    new($"Schrijf elke scorebeschrijving als 'score: tekst' (regel: {line}).", $"Write each score descriptor as 'score: text' (line: {line})."), "descriptors"));
            }
            list.Add(new DescriptorInput(score, line[(colon + 1)..].Trim(), null));
        }
        return (list, null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return false;
        }
        Tender = tender;
        IsStaff = PublicationStage.IsAuthorityStaff(User);
        MayManage = (await authorization.AuthorizeAsync(User, tender, TenderOperations.Manage)).Succeeded;
        Guideline = IsStaff || await guideline.IsVisibleToCandidatesAsync(tender, cancellationToken) ? await guideline.ViewAsync(tender, cancellationToken) : null;
        return true;
    }

    public sealed class RequirementForm
    {
        public string? Code { get; set; }
        public string? TextNl { get; set; }
        public string? TextEn { get; set; }
    }

    public sealed class CriterionForm
    {
        public string? Code { get; set; }
        public string? TitleNl { get; set; }
        public string? TitleEn { get; set; }
        public string? DescriptionNl { get; set; }
        public int? WeightPercent { get; set; }
        public int? ScaleMin { get; set; } = 0;
        public int? ScaleMax { get; set; } = 10;
        public int? MinimumScore { get; set; }
        public string? Descriptors { get; set; }
    }
}
