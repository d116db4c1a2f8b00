using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Documents;

/// <summary>A file posted to a page handler (the upload without script), staged and checked as the streamed API stages its upload.</summary>
public static class PostedFileStaging
{
    /// <summary>A required file: none, or an empty one, is refused.</summary>
    public static async Task<(StagedDocument? Staged, RuleViolation? Violation)> StageAsync(this DocumentIntake intake, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, file is null ? DocumentRules.NoFile() : DocumentRules.Empty());
        }
        await using var stream = file.OpenReadStream();
        return await intake.StageAsync(stream, file.FileName, cancellationToken);
    }
}
