using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Questions;

namespace TenderFlow.Web.Features.Publication;

/// <summary>What the publication section of the signed-in tender page shows to this reader.</summary>
public sealed record PublicationSectionModel(
    Tender Tender,
    IReadOnlyList<PublicationDocumentView> Documents,
    GuidelineView? Guideline,
    bool IsStaff,
    bool MayManage,
    bool IsCandidate,
    Domain.Workflow.Runtime.RuleViolation? AskingClosed,
    IReadOnlyList<OwnQuestionView> Own,
    bool SeesQuestionQueue,
    IReadOnlyList<QuestionCaseView> Cases,
    PublishedAnswersModel Answers);
